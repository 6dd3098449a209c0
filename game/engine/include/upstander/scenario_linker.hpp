// The cross-reference pass: resolves ids to indices and reports duplicate ids, links to
// things that do not exist, variables used with the wrong type, and unused declarations.
#pragma once

#include "upstander/diagnostic.hpp"
#include "upstander/scenario.hpp"
#include "upstander/source_text.hpp"

namespace upstander {

// Returns true when every reference resolved (the flow checks need a complete graph).
bool link_scenario(Scenario& s, const SourceText& source, Diagnostics& out);

}  // namespace upstander
