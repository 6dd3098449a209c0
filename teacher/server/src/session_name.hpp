// The teacher's name for a session ("2학년 3반"): one short line, shown on the dashboard
// and in exports so two classes can be told apart, never sent to students.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "upstander/result.hpp"

namespace upstander::server {

inline constexpr std::size_t kMaxSessionNameChars = 40;

// The name as stored: spaces at either end trimmed, inner runs of spaces kept as typed.
// Fails with the problem (an API error message) when it has more than kMaxSessionNameChars
// characters, or a line break, control character or invisible formatting character (which
// would hide or reorder what the teacher sees). `raw` must be valid UTF-8 (the body reader
// checks).
Result<std::string, std::string> clean_session_name(std::string_view raw);

}  // namespace upstander::server
