// How much text fits each place on the phone, in code points. Longer text gets a warning
// (text-too-long): it would scroll or wrap badly at 1024x600 with the large text setting.
// FORMAT.md documents these numbers; change both together.
#pragma once

#include <cstddef>

namespace upstander::limits {

inline constexpr std::size_t kTitle = 60;     // scenario, ending and thread titles
inline constexpr std::size_t kName = 30;      // character and app names
inline constexpr std::size_t kLabel = 80;     // image labels, captions, scale labels
inline constexpr std::size_t kChoice = 90;    // a choice button
inline constexpr std::size_t kBubble = 200;   // a chat bubble, DM, feed post or notification
inline constexpr std::size_t kCard = 320;     // narration, excuse, answer, fact, question
inline constexpr std::size_t kSummary = 400;  // scenario summary and content note
inline constexpr std::size_t kDebrief = 600;  // an ending's text and each debrief layer

}  // namespace upstander::limits
