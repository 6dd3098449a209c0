// Edits of where a node goes next: next, choices, skip_to and route.
#include <algorithm>

#include "node_edits.hpp"
#include "upstander/author/text_slots.hpp"

namespace upstander::author::detail {

namespace {

// Nodes that can move on: not endings (they finish the scenario).
EditResult movable(Scenario& s, const std::string& id, Node*& out) {
  out = find_node(s, id);
  if (out == nullptr) return fail(EditFailure{EditError::UnknownNode, id});
  if (out->is_ending()) return fail(EditFailure{EditError::WrongKind, "ending"});
  return {};
}

EditResult existing_target(Scenario& s, const std::string& id) {
  if (find_node(s, id) == nullptr) return fail(EditFailure{EditError::UnknownNode, id});
  return {};
}

Choice* find_choice(Node& n, std::string_view id) {
  for (auto& c : n.choices) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

std::string choice_key(const std::string& node, const std::string& choice) {
  return node_key_prefix(node) + "choice/" + choice + "/";
}

template <typename F>
EditResult with_choice(Scenario& s, const std::string& node, const std::string& choice, F&& f) {
  Node* n = find_node(s, node);
  if (n == nullptr) return fail(EditFailure{EditError::UnknownNode, node});
  Choice* c = find_choice(*n, choice);
  if (c == nullptr) return fail(EditFailure{EditError::UnknownChoice, choice});
  return f(*n, *c);
}

}  // namespace

EditResult apply(Scenario& s, const edit::SetNext& e) {
  Node* n = nullptr;
  if (auto r = movable(s, e.node, n); !r.ok()) return r;
  if (e.target.empty()) {
    if (!n->next) return fail(EditFailure{EditError::NoChange});
    n->next.reset();
    return {};
  }
  if (auto r = existing_target(s, e.target); !r.ok()) return r;
  n->next = IdRef{e.target, {}, -1};
  n->choices.clear();
  n->route.clear();
  n->skip_to.reset();
  return {};
}

EditResult apply(Scenario& s, const edit::AddChoice& e) {
  Node* n = nullptr;
  if (auto r = movable(s, e.node, n); !r.ok()) return r;
  if (n->kind == NodeKind::Reflection) return fail(EditFailure{EditError::WrongKind, "reflection"});
  if (auto r = check_new_id(n->choices, e.id); !r.ok()) return r;
  if (auto r = existing_target(s, e.target); !r.ok()) return r;
  const std::size_t at = e.index.value_or(n->choices.size());
  if (at > n->choices.size()) return fail(EditFailure{EditError::OutOfRange, std::to_string(at)});
  n->next.reset();
  n->route.clear();
  n->choices.insert(n->choices.begin() + static_cast<std::ptrdiff_t>(at),
                    Choice{e.id, {}, IdRef{e.target, {}, -1}, std::nullopt, {}, {}});
  return {};
}

EditResult apply(Scenario& s, const edit::RemoveChoice& e) {
  return with_choice(s, e.node, e.choice, [&](Node& n, Choice&) -> EditResult {
    std::erase_if(n.choices, [&](const Choice& c) { return c.id == e.choice; });
    if (n.choices.empty()) n.skip_to.reset();  // skip_to belongs to decisions only
    return {};
  });
}

EditResult apply(Scenario& s, const edit::MoveChoice& e) {
  return with_choice(s, e.node, e.choice, [&](Node& n, Choice& c) -> EditResult {
    if (e.index >= n.choices.size())
      return fail(EditFailure{EditError::OutOfRange, std::to_string(e.index)});
    const auto from = n.choices.begin() + (&c - n.choices.data());
    Choice moving = std::move(c);
    n.choices.erase(from);
    n.choices.insert(n.choices.begin() + static_cast<std::ptrdiff_t>(e.index), std::move(moving));
    return {};
  });
}

EditResult apply(Scenario& s, const edit::RenameChoice& e) {
  return with_choice(s, e.node, e.choice, [&](Node& n, Choice& c) -> EditResult {
    if (auto r = check_new_id(n.choices, e.new_id); !r.ok()) return r;
    c.id = e.new_id;
    rename_key_prefix(s, choice_key(n.id, e.choice), choice_key(n.id, e.new_id));
    return {};
  });
}

EditResult apply(Scenario& s, const edit::SetChoiceTarget& e) {
  return with_choice(s, e.node, e.choice, [&](Node&, Choice& c) -> EditResult {
    if (auto r = existing_target(s, e.target); !r.ok()) return r;
    c.to = IdRef{e.target, {}, -1};
    return {};
  });
}

EditResult apply(Scenario& s, const edit::SetChoiceCondition& e) {
  return with_choice(s, e.node, e.choice, [&](Node&, Choice& c) -> EditResult {
    if (e.condition) {
      if (auto r = check_condition(s, *e.condition); !r.ok()) return r;
    }
    c.condition = e.condition;
    return {};
  });
}

EditResult apply(Scenario& s, const edit::SetChoiceEffects& e) {
  return with_choice(s, e.node, e.choice, [&](Node&, Choice& c) -> EditResult {
    if (auto r = check_effects(s, e.effects); !r.ok()) return r;
    c.effects = e.effects;
    return {};
  });
}

EditResult apply(Scenario& s, const edit::SetSkipTo& e) {
  Node* n = nullptr;
  if (auto r = movable(s, e.node, n); !r.ok()) return r;
  if (e.target.empty()) {
    if (!n->skip_to) return fail(EditFailure{EditError::NoChange});
    n->skip_to.reset();
    return {};
  }
  if (n->choices.empty()) return fail(EditFailure{EditError::WrongKind, "skip_to needs choices"});
  if (auto r = existing_target(s, e.target); !r.ok()) return r;
  n->skip_to = IdRef{e.target, {}, -1};
  return {};
}

EditResult apply(Scenario& s, const edit::SetRoute& e) {
  Node* n = nullptr;
  if (auto r = movable(s, e.node, n); !r.ok()) return r;
  if (n->kind == NodeKind::Reflection) return fail(EditFailure{EditError::WrongKind, "reflection"});
  if (e.route.empty()) return fail(EditFailure{EditError::BadValue, "an empty route"});
  for (std::size_t i = 0; i < e.route.size(); ++i) {
    const Route& entry = e.route[i];
    const bool last = i + 1 == e.route.size();
    if (last == entry.condition.has_value())
      return fail(EditFailure{EditError::BadValue, "only the last entry has no condition"});
    if (auto r = existing_target(s, entry.to.id); !r.ok()) return r;
    if (entry.condition) {
      if (auto r = check_condition(s, *entry.condition); !r.ok()) return r;
    }
  }
  n->route = e.route;
  n->next.reset();
  n->choices.clear();
  n->skip_to.reset();
  return {};
}

}  // namespace upstander::author::detail
