// "Did you mean ...?" for misspelt keys and ids.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace upstander {

// Edit distance (insertions, deletions, substitutions, adjacent swaps) between two strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate if it is close enough to be a likely typo, else "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// ` (did you mean "x"?)` or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// "a, b and c": for listing allowed values in a message.
std::string join_list(const std::vector<std::string>& items, std::string_view last_sep = " or ");

}  // namespace upstander
