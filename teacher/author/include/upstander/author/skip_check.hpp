// The skip rule as the author edits: a skip is a safety exit, so from where it lands no
// way on (whatever is chosen later, and skipping again) may reach an ending whose outcome
// is harm, mixed, partly or not yet supported. The same rule as the checker's
// skip-reaches-harm, answered for any candidate target so the skip picker can say which
// targets are safe before one is picked.
#pragma once

#include <string>
#include <vector>

#include "upstander/scenario.hpp"

namespace upstander::author {

struct SkipCheck {
  bool safe = true;
  std::string ending;             // the first unsafe ending found (when !safe)
  std::vector<std::string> path;  // target ... ending, the way there
};

// Follows next, choices, route steps and skips by id (the scenario need not be linked;
// links to unknown nodes are ignored).
SkipCheck check_skip_target(const Scenario& s, const std::string& target);

// Every node a skip may point at (not `decision` itself), safe ones first, each in node order.
struct SkipCandidate {
  std::string node;
  SkipCheck check;
};
std::vector<SkipCandidate> skip_candidates(const Scenario& s, const std::string& decision);

}  // namespace upstander::author
