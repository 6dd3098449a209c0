// Where each variable is read and changed, walked in node order.
#include "upstander/author/variables_page.hpp"

#include <algorithm>

namespace upstander::author {

namespace {

bool names(const Condition& c, const std::string& id) {
  bool found = false;
  for_each_variable(c, [&](const IdRef& ref) { found = found || ref.id == id; });
  return found;
}

bool names(const std::vector<Effect>& effects, const std::string& id) {
  return std::any_of(effects.begin(), effects.end(),
                     [&](const Effect& e) { return e.var.id == id; });
}

std::vector<VariableUse> uses_of(const Scenario& s, const std::string& id) {
  using K = VariableUse::Kind;
  std::vector<VariableUse> uses;
  for (const auto& n : s.nodes) {
    if (names(n.effects, id)) uses.push_back({K::NodeEffect, n.id, "", -1});
    for (const auto& c : n.choices) {
      if (c.condition && names(*c.condition, id))
        uses.push_back({K::ChoiceCondition, n.id, c.id, -1});
      if (names(c.effects, id)) uses.push_back({K::ChoiceEffect, n.id, c.id, -1});
    }
    for (std::size_t k = 0; k < n.route.size(); ++k) {
      if (n.route[k].condition && names(*n.route[k].condition, id)) {
        uses.push_back({K::RouteCondition, n.id, "", static_cast<int>(k)});
      }
    }
    if (const auto* ripple = std::get_if<RippleBody>(&n.body); ripple && ripple->counter.id == id) {
      uses.push_back({K::Ripple, n.id, "", -1});
    }
  }
  return uses;
}

}  // namespace

bool VariableRow::reads() const {
  return std::any_of(uses.begin(), uses.end(), [](const VariableUse& u) {
    return u.kind == VariableUse::Kind::ChoiceCondition ||
           u.kind == VariableUse::Kind::RouteCondition || u.kind == VariableUse::Kind::Ripple;
  });
}

std::vector<VariableRow> variables_page(const Scenario& s) {
  std::vector<VariableRow> rows;
  for (const auto& v : s.variables) rows.push_back({v, uses_of(s, v.id)});
  return rows;
}

std::string new_variable_id(const Scenario& s, VariableType type) {
  const std::string base = type == VariableType::Flag ? "flag-" : "counter-";
  for (int n = 1;; ++n) {
    const std::string id = base + std::to_string(n);
    if (std::none_of(s.variables.begin(), s.variables.end(),
                     [&](const Variable& v) { return v.id == id; }))
      return id;
  }
}

}  // namespace upstander::author
