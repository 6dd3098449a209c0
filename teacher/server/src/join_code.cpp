// Making and reading join codes.
#include "join_code.hpp"

#include "secure_random.hpp"

namespace upstander::server {

std::optional<std::string> make_join_code() {
  std::string code;
  for (std::size_t i = 0; i < kJoinCodeLength; ++i) {
    const auto at = random_below(static_cast<std::uint32_t>(kJoinCodeAlphabet.size()));
    if (!at) return std::nullopt;
    code.push_back(kJoinCodeAlphabet[*at]);
  }
  return code;
}

std::optional<std::string> normalize_join_code(std::string_view typed) {
  if (typed.size() > 32) return std::nullopt;
  std::string code;
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (kJoinCodeAlphabet.find(c) == std::string_view::npos) return std::nullopt;
    code.push_back(c);
  }
  if (code.size() != kJoinCodeLength) return std::nullopt;
  return code;
}

}  // namespace upstander::server
