// Session names: trimming and the characters a one-line label may hold.
#include "session_name.hpp"

#include <vector>

#include "upstander/utf8.hpp"

namespace upstander::server {

namespace {

// C0 and C1 controls, DEL, and the zero-width and bidi formatting characters that make a
// label show something other than what it holds.
bool is_hidden_or_control(char32_t c) {
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;
  if (c >= 0x200B && c <= 0x200F) return true;
  if (c >= 0x202A && c <= 0x202E) return true;
  if (c >= 0x2060 && c <= 0x2069) return true;
  return c == 0xFEFF || c == 0x2028 || c == 0x2029;
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

Result<std::string, std::string> clean_session_name(std::string_view raw) {
  const std::string_view name = trim_spaces(raw);
  const std::vector<std::string_view> chars = utf8::split_code_points(name);
  for (std::string_view cp : chars) {
    if (is_hidden_or_control(utf8::decode(cp))) {
      return fail(std::string(
          "a session name is one line of visible text (no line breaks or control characters)"));
    }
  }
  if (chars.size() > kMaxSessionNameChars) {
    return fail("a session name has at most " + std::to_string(kMaxSessionNameChars) +
                " characters");
  }
  return std::string(name);
}

}  // namespace upstander::server
