// Which choices the debrief must never announce as the class's norm (the boomerang
// effect: "most of you forwarded it" spreads forwarding; LEARNING.md "The norm reveal").
#pragma once

#include "upstander/scenario.hpp"

namespace upstander::server {

// The format has no "harmful" mark, so the content's own answers decide. A choice is
// harmful when the story answers it with an excuse card at once (the content names it as
// an excuse to be answered: laughing, forwarding, "not my business", keeping it secret)
// or when it makes the image spread (one of its effects adds to a counter: every counter
// in the shipped scenarios counts who has seen the image). Choices a targeted person
// makes (paying an extortionist) are neither, so they are never called harmful.
bool choice_is_harmful(const Scenario& scenario, const Choice& choice);

}  // namespace upstander::server
