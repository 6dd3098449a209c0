// The editor's variables page as a model: every variable with each place that reads or
// changes it, so the author sees what a rename will update and why a delete is refused
// (edit::RemoveVariable refuses a variable in use), and a free id for a new one.
#pragma once

#include <string>
#include <vector>

#include "upstander/scenario.hpp"

namespace upstander::author {

struct VariableUse {
  enum class Kind {
    NodeEffect,       // changed on arriving at `node`
    ChoiceCondition,  // read to show `choice` of `node`
    ChoiceEffect,     // changed by choosing `choice` of `node`
    RouteCondition,   // read by step `route_step` of `node`'s route
    Ripple,           // shown by the ripple `node`
  };
  Kind kind = Kind::NodeEffect;
  std::string node;
  std::string choice;   // ChoiceCondition, ChoiceEffect
  int route_step = -1;  // RouteCondition

  bool operator==(const VariableUse&) const = default;
};

struct VariableRow {
  Variable variable;
  std::vector<VariableUse>
      uses;            // in node order; one entry per place, however often it names the variable
  bool reads() const;  // some condition or ripple reads it (else check warns unused-variable)
  bool deletable() const { return uses.empty(); }
};

// In the order the scenario declares them.
std::vector<VariableRow> variables_page(const Scenario& s);

// An id for "add a variable" that no variable has yet: "flag-1", "counter-2" ...
std::string new_variable_id(const Scenario& s, VariableType type);

}  // namespace upstander::author
