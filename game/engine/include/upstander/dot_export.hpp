// The branching map of a scenario as Graphviz DOT: endings coloured by outcome, choices as
// labelled arrows, "next" as dashed arrows, "skip_to" as dotted grey arrows.
#pragma once

#include <string>
#include <string_view>

#include "upstander/scenario.hpp"

namespace upstander {

std::string to_dot(const Scenario& s, std::string_view locale);

}  // namespace upstander
