// Join codes: 6 symbols from 30 that cannot be mistaken for each other when read off a
// projector (no 0/O, 1/I/L, U/V), so 30^6 = 729 million codes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace upstander::server {

inline constexpr std::string_view kJoinCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
inline constexpr std::size_t kJoinCodeLength = 6;

std::optional<std::string> make_join_code();  // nullopt: no random bytes
// Uppercases and drops spaces and dashes ("abc-123" as typed); nullopt unless the result
// is exactly six alphabet symbols.
std::optional<std::string> normalize_join_code(std::string_view typed);

}  // namespace upstander::server
