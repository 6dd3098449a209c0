// Lookups and reference walks for the edit commands.
#include "edit_support.hpp"

#include <algorithm>

#include "upstander/node_fields.hpp"

namespace upstander::author::detail {

namespace {

template <typename T>
T* find_by_id(std::vector<T>& items, std::string_view id) {
  for (auto& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

void visit_condition(Condition& c, const std::string& where, const RefVisitor& f) {
  for_each_variable_mut(c, [&](IdRef& ref) { f(ref, where); });
}

void visit_effects(std::vector<Effect>& effects, const std::string& where, const RefVisitor& f) {
  for (auto& e : effects) f(e.var, where);
}

}  // namespace

Node* find_node(Scenario& s, std::string_view id) {
  return find_by_id(s.nodes, id);
}
Character* find_character(Scenario& s, std::string_view id) {
  return find_by_id(s.characters, id);
}
Thread* find_thread(Scenario& s, std::string_view id) {
  return find_by_id(s.threads, id);
}
Variable* find_variable(Scenario& s, std::string_view id) {
  return find_by_id(s.variables, id);
}

bool is_locale(const Scenario& s, std::string_view locale) {
  return std::find(s.locales.begin(), s.locales.end(), locale) != s.locales.end();
}

void for_each_node_ref(Scenario& s, const RefVisitor& f) {
  f(s.start, "start");
  for (auto& n : s.nodes) {
    if (n.next) f(*n.next, n.id);
    for (auto& c : n.choices) f(c.to, n.id);
    for (auto& r : n.route) f(r.to, n.id);
    if (n.skip_to) f(*n.skip_to, n.id);
  }
}

void for_each_character_ref(Scenario& s, const RefVisitor& f) {
  f(s.player, "player");
  for (auto& t : s.targeted) f(t, "targeted");
  for (auto& n : s.nodes) for_each_ref(n.body, "character", [&](IdRef& r) { f(r, n.id); });
}

void for_each_thread_ref(Scenario& s, const RefVisitor& f) {
  for (auto& n : s.nodes) for_each_ref(n.body, "thread", [&](IdRef& r) { f(r, n.id); });
}

void for_each_variable_ref(Scenario& s, const RefVisitor& f) {
  for (auto& n : s.nodes) {
    visit_effects(n.effects, n.id, f);
    for (auto& c : n.choices) {
      if (c.condition) visit_condition(*c.condition, n.id, f);
      visit_effects(c.effects, n.id, f);
    }
    for (auto& r : n.route) {
      if (r.condition) visit_condition(*r.condition, n.id, f);
    }
    for_each_ref(n.body, "counter", [&](IdRef& r) { f(r, n.id); });
  }
}

std::optional<std::string> first_user(Scenario& s, void (*walk)(Scenario&, const RefVisitor&),
                                      std::string_view id) {
  std::optional<std::string> user;
  walk(s, [&](IdRef& ref, const std::string& where) {
    if (!user && ref.id == id) user = where;
  });
  return user;
}

void rename_refs(Scenario& s, void (*walk)(Scenario&, const RefVisitor&), std::string_view from,
                 const std::string& to) {
  walk(s, [&](IdRef& ref, const std::string&) {
    if (ref.id == from) ref.id = to;
  });
}

void rekey_translations(Scenario& s,
                        const std::function<std::optional<std::string>(const std::string&)>& map) {
  for (auto& record : s.translations) {
    std::vector<TranslatedText> kept;
    for (auto& t : record.texts) {
      if (auto key = map(t.key)) kept.push_back({*key, t.fingerprint, t.loc});
    }
    std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
    record.texts = std::move(kept);
  }
}

void rename_key_prefix(Scenario& s, const std::string& from, const std::string& to) {
  rekey_translations(s, [&](const std::string& key) -> std::optional<std::string> {
    if (key.rfind(from, 0) == 0) return to + key.substr(from.size());
    return key;
  });
}

EditResult check_condition(Scenario& s, const Condition& c, int depth) {
  // Conditions nest two JSON levels each; the loader refuses documents deeper than 64.
  if (depth > 12) return fail(EditFailure{EditError::BadValue, "condition nested too deeply"});
  switch (c.kind) {
    case Condition::Kind::Flag:
    case Condition::Kind::Compare: {
      const Variable* v = find_variable(s, c.var.id);
      if (v == nullptr) return fail(EditFailure{EditError::UnknownVariable, c.var.id});
      const VariableType want =
          c.kind == Condition::Kind::Flag ? VariableType::Flag : VariableType::Counter;
      if (v->type != want) return fail(EditFailure{EditError::WrongVariableType, c.var.id});
      return {};
    }
    case Condition::Kind::Not:
      if (c.children.size() != 1) return fail(EditFailure{EditError::BadValue, "not"});
      return check_condition(s, c.children[0], depth + 1);
    case Condition::Kind::All:
    case Condition::Kind::Any:
      if (c.children.empty())
        return fail(
            EditFailure{EditError::BadValue, c.kind == Condition::Kind::All ? "all" : "any"});
      for (const auto& child : c.children) {
        if (auto r = check_condition(s, child, depth + 1); !r.ok()) return r;
      }
      return {};
  }
  return {};
}

EditResult check_effects(Scenario& s, const std::vector<Effect>& effects) {
  for (const auto& e : effects) {
    const Variable* v = find_variable(s, e.var.id);
    if (v == nullptr) return fail(EditFailure{EditError::UnknownVariable, e.var.id});
    const bool wants_flag = e.kind == Effect::Kind::Set && e.written_as_bool;
    if ((v->type == VariableType::Flag) != wants_flag)
      return fail(EditFailure{EditError::WrongVariableType, e.var.id});
    if (e.kind == Effect::Kind::Add && (e.value < -1'000'000'000 || e.value > 1'000'000'000)) {
      return fail(EditFailure{EditError::BadValue, std::to_string(e.value)});
    }
    if (wants_flag && e.value != 0 && e.value != 1)
      return fail(EditFailure{EditError::BadValue, std::to_string(e.value)});
  }
  return {};
}

bool is_clock(std::string_view t) {
  return t.size() == 5 && t[2] == ':' && t[0] >= '0' && t[0] <= '2' && t[1] >= '0' && t[1] <= '9' &&
         t[3] >= '0' && t[3] <= '5' && t[4] >= '0' && t[4] <= '9' && (t[0] < '2' || t[1] <= '3');
}

}  // namespace upstander::author::detail
