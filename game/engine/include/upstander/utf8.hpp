// Small UTF-8 helpers: validation with positions, code point counting and terminal width.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace upstander::utf8 {

// Byte offsets where a malformed sequence starts (overlongs, surrogates and stray bytes
// included), at most `limit` of them: a file in the wrong encoding has thousands.
std::vector<std::size_t> invalid_offsets(std::string_view bytes, std::size_t limit);
bool is_valid(std::string_view bytes);

std::size_t count_code_points(std::string_view s);
// Bytes in the well-formed sequence at s[i]; 0 when it is malformed.
std::size_t sequence_length(std::string_view s, std::size_t i);
// Splits valid UTF-8 into one view per code point; malformed bytes become one view each.
std::vector<std::string_view> split_code_points(std::string_view s);
// Decodes one code point; returns 0xFFFD for malformed input.
char32_t decode(std::string_view cp);
void append(std::string& out, char32_t cp);
// Terminal cells for a code point: 2 for Hangul, CJK and emoji, else 1.
std::size_t display_width(std::string_view cp);

}  // namespace upstander::utf8
