// Starting points for a new pack: a copy of an existing scenario under a new id (reset to
// draft), or a minimal skeleton whose texts are left empty for the author to write (the
// live diagnostics list each one; nothing is filled in with placeholder words).
#pragma once

#include <string>
#include <vector>

#include "upstander/scenario.hpp"

namespace upstander::author {

Scenario scenario_from_template(const Scenario& original, const std::string& new_id);

// A start node that leads to an ending, the player character, the given languages.
Scenario blank_scenario(const std::string& id, const std::vector<std::string>& locales);

}  // namespace upstander::author
