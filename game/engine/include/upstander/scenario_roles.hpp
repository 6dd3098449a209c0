// The checks that depend on who is targeted ("targeted"): an excuse is never the targeted
// person's, and the endings use the outcomes that fit the player's role.
#pragma once

#include "upstander/diagnostic.hpp"
#include "upstander/scenario.hpp"
#include "upstander/source_text.hpp"

namespace upstander {

// `s` must be linked (speaker and targeted ids resolved).
void check_roles(const Scenario& s, const SourceText& source, Diagnostics& out);

}  // namespace upstander
