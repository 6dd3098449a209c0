// The condition builder's moves, and its conversion from and to the file's conditions.
#include "upstander/author/condition_builder.hpp"

#include <algorithm>

namespace upstander::author {

namespace {

constexpr std::int64_t kValueLimit = 1'000'000'000;

const Variable* declared(const Scenario& s, const std::string& id) {
  for (const auto& v : s.variables) {
    if (v.id == id) return &v;
  }
  return nullptr;
}

bool fits(VariableType type, TermOp op) {
  const auto ops = ops_for(type);
  return std::find(ops.begin(), ops.end(), op) != ops.end();
}

CompareOp compare_of(TermOp op) {
  switch (op) {
    case TermOp::Ne: return CompareOp::Ne;
    case TermOp::Lt: return CompareOp::Lt;
    case TermOp::Le: return CompareOp::Le;
    case TermOp::Gt: return CompareOp::Gt;
    case TermOp::Ge: return CompareOp::Ge;
    default: return CompareOp::Eq;
  }
}

TermOp term_of(CompareOp op) {
  switch (op) {
    case CompareOp::Eq: return TermOp::Eq;
    case CompareOp::Ne: return TermOp::Ne;
    case CompareOp::Lt: return TermOp::Lt;
    case CompareOp::Le: return TermOp::Le;
    case CompareOp::Gt: return TermOp::Gt;
    case CompareOp::Ge: return TermOp::Ge;
  }
  return TermOp::Eq;
}

bool is_group(const BuiltCondition& b) {
  return b.kind != BuiltCondition::Kind::Term;
}

Condition leaf(Condition::Kind kind, const std::string& var) {
  Condition c;
  c.kind = kind;
  c.var.id = var;
  return c;
}

Condition negate(Condition c) {
  Condition n;
  n.kind = Condition::Kind::Not;
  n.children.push_back(std::move(c));
  return n;
}

std::optional<BuiltCondition> term_from(const Condition& c, const Scenario& s, bool negated) {
  const Variable* v = declared(s, c.var.id);
  if (v == nullptr) return std::nullopt;
  BuiltCondition b;
  b.variable = c.var.id;
  if (c.kind == Condition::Kind::Flag) {
    if (v->type != VariableType::Flag) return std::nullopt;
    b.op = negated ? TermOp::IsOff : TermOp::IsOn;
    return b;
  }
  if (v->type != VariableType::Counter) return std::nullopt;
  b.negated = negated;  // a "not" around a comparison is kept as written
  b.op = term_of(c.op);
  b.value = c.value;
  return b;
}

std::optional<BuiltCondition> from(const Condition& c, const Scenario& s, int depth) {
  if (depth > 12) return std::nullopt;  // as deep as the editor's check allows
  switch (c.kind) {
    case Condition::Kind::Flag:
    case Condition::Kind::Compare: return term_from(c, s, false);
    case Condition::Kind::Not: {
      if (c.children.size() != 1) return std::nullopt;
      const Condition& inner = c.children[0];
      if (inner.kind == Condition::Kind::Flag) return term_from(inner, s, true);
      if (inner.kind == Condition::Kind::Not) return std::nullopt;
      if (inner.kind == Condition::Kind::Compare) return term_from(inner, s, true);
      auto g = from(inner, s, depth + 1);
      if (!g) return std::nullopt;
      g->negated = true;
      return g;
    }
    case Condition::Kind::All:
    case Condition::Kind::Any: {
      if (c.children.empty()) return std::nullopt;
      BuiltCondition g;
      g.kind =
          c.kind == Condition::Kind::All ? BuiltCondition::Kind::All : BuiltCondition::Kind::Any;
      for (const auto& child : c.children) {
        auto b = from(child, s, depth + 1);
        if (!b) return std::nullopt;
        g.children.push_back(std::move(*b));
      }
      return g;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view name_of(TermOp op) {
  switch (op) {
    case TermOp::IsOn: return "on";
    case TermOp::IsOff: return "off";
    case TermOp::Eq: return "==";
    case TermOp::Ne: return "!=";
    case TermOp::Lt: return "<";
    case TermOp::Le: return "<=";
    case TermOp::Gt: return ">";
    case TermOp::Ge: return ">=";
  }
  return "?";
}

std::vector<TermOp> ops_for(VariableType type) {
  if (type == VariableType::Flag) return {TermOp::IsOn, TermOp::IsOff};
  return {TermOp::Ge, TermOp::Gt, TermOp::Eq, TermOp::Ne, TermOp::Le, TermOp::Lt};
}

std::optional<BuiltCondition> first_term(const Scenario& s) {
  if (s.variables.empty()) return std::nullopt;
  BuiltCondition b;
  set_variable(b, s, s.variables.front().id);
  return b;
}

bool set_variable(BuiltCondition& term, const Scenario& s, const std::string& variable) {
  const Variable* v = declared(s, variable);
  if (v == nullptr || is_group(term)) return false;
  const Variable* before = declared(s, term.variable);
  term.variable = variable;
  if (before && before->type == v->type && fits(v->type, term.op)) return true;
  term.negated = false;
  term.op = ops_for(v->type).front();
  term.value = v->type == VariableType::Counter ? 1 : 0;
  return true;
}

bool set_op(BuiltCondition& term, const Scenario& s, TermOp op) {
  const Variable* v = declared(s, term.variable);
  if (v == nullptr || is_group(term) || !fits(v->type, op)) return false;
  term.op = op;
  return true;
}

bool set_value(BuiltCondition& term, const Scenario& s, std::int64_t value) {
  const Variable* v = declared(s, term.variable);
  if (v == nullptr || is_group(term) || v->type != VariableType::Counter) return false;
  if (value < -kValueLimit || value > kValueLimit) return false;
  term.value = value;
  return true;
}

BuiltCondition* at(BuiltCondition& root, const std::vector<std::size_t>& path) {
  BuiltCondition* b = &root;
  for (std::size_t i : path) {
    if (i >= b->children.size()) return nullptr;
    b = &b->children[i];
  }
  return b;
}

bool add_term(BuiltCondition& root, const std::vector<std::size_t>& group, const Scenario& s) {
  auto term = first_term(s);
  BuiltCondition* g = at(root, group);
  if (!term || g == nullptr) return false;
  if (!is_group(*g)) {
    // A single row grows into "all of" it and the new row.
    BuiltCondition old = std::move(*g);
    *g = BuiltCondition{};
    g->kind = BuiltCondition::Kind::All;
    g->children.push_back(std::move(old));
  }
  g->children.push_back(std::move(*term));
  return true;
}

bool add_group(BuiltCondition& root, const std::vector<std::size_t>& group,
               BuiltCondition::Kind kind, const Scenario& s) {
  auto term = first_term(s);
  BuiltCondition* g = at(root, group);
  if (!term || g == nullptr || !is_group(*g) || kind == BuiltCondition::Kind::Term) return false;
  BuiltCondition inner;
  inner.kind = kind;
  inner.children.push_back(std::move(*term));
  g->children.push_back(std::move(inner));
  return true;
}

bool remove_at(BuiltCondition& root, const std::vector<std::size_t>& path) {
  if (path.empty()) return false;
  std::vector<std::size_t> parent_path(path.begin(), path.end() - 1);
  BuiltCondition* parent = at(root, parent_path);
  if (parent == nullptr || path.back() >= parent->children.size()) return false;
  parent->children.erase(parent->children.begin() + static_cast<std::ptrdiff_t>(path.back()));
  // An empty group is not a condition ("all": [] is refused): it goes with its last item.
  if (parent->children.empty()) return remove_at(root, parent_path);
  return true;
}

Condition to_condition(const BuiltCondition& b) {
  if (!is_group(b)) {
    if (b.op == TermOp::IsOn) return leaf(Condition::Kind::Flag, b.variable);
    if (b.op == TermOp::IsOff) return negate(leaf(Condition::Kind::Flag, b.variable));
    Condition c = leaf(Condition::Kind::Compare, b.variable);
    c.op = compare_of(b.op);
    c.value = b.value;
    return b.negated ? negate(std::move(c)) : c;
  }
  Condition g;
  g.kind = b.kind == BuiltCondition::Kind::All ? Condition::Kind::All : Condition::Kind::Any;
  for (const auto& child : b.children) g.children.push_back(to_condition(child));
  return b.negated ? negate(std::move(g)) : g;
}

std::optional<BuiltCondition> from_condition(const Condition& c, const Scenario& s) {
  return from(c, s, 0);
}

}  // namespace upstander::author
