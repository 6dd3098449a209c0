// The flow checks: nodes no path reaches, loops with no way out, endings no choice sequence
// reaches (conditions considered), decisions where no choice is shown, choices never shown,
// decision points that cannot be skipped, and skips that are not safe exits (reaching a
// harm, mixed or not-fully-supported ending, or a loop only skipping makes). Skip edges
// are edges everywhere: an ending reached only by skipping is reachable.
#pragma once

#include <cstddef>

#include "upstander/diagnostic.hpp"
#include "upstander/scenario.hpp"
#include "upstander/source_text.hpp"
#include "upstander/state_search.hpp"

namespace upstander {

struct FlowLimits {
  // States explored before giving up on proving endings unreachable; the shipped scenarios
  // need a few hundred.
  std::size_t max_states = 200'000;
};

// `s` must be linked without errors.
void check_flow(const Scenario& s, const SourceText& source, Diagnostics& out,
                const FlowLimits& limits = {});

// "start → (choice) forward → ..." for messages and test failures.
std::string describe_path(const Scenario& s, const std::vector<PathStep>& steps);

}  // namespace upstander
