// What a decision point is called wherever results name it (the live view, the debrief,
// the report, the CSV): the teacher guide's heading for it, or, for a school's scenario
// the guide does not cover, the start of what the student reads there.
#pragma once

#include <string>

#include "upstander/discussion_guide.hpp"
#include "upstander/scenario.hpp"

namespace upstander {

inline constexpr std::size_t kDecisionTitleChars = 48;

// `guide` may be null (no guide in that language). Never empty: the node id is the last
// resort.
std::string decision_title(const Scenario& s, const Node& decision, const std::string& language,
                           const DiscussionGuide* guide);

// `text` cut to at most `max_chars` code points, at a space when there is one in the
// second half, with "…" when anything was cut.
std::string shorten_text(const std::string& text, std::size_t max_chars);

}  // namespace upstander
