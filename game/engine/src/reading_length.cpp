// Counting reading length (see reading_length.hpp).
#include "upstander/reading_length.hpp"

#include "upstander/utf8.hpp"

namespace upstander {

namespace {

bool is_reading_space(char32_t c) {
  return c == U' ' || c == U'\n' || c == U'\t' || c == U'\r' || c == 0x3000;
}

// Scripts read a syllable or a character at a time rather than a word at a time.
bool is_syllabic(char32_t c) {
  return (c >= 0xAC00 && c <= 0xD7A3) ||  // Hangul syllables
         (c >= 0x3040 && c <= 0x30FF) ||  // hiragana, katakana
         (c >= 0x4E00 && c <= 0x9FFF);    // CJK unified ideographs
}

// ASCII punctuation and symbols alone ("...", "-", "?") are not words.
bool is_ascii_mark(char32_t c) {
  return c < 0x80 &&
         !((c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'));
}

}  // namespace

std::size_t reading_units(std::string_view text) {
  std::size_t units = 0;
  bool in_word = false;
  for (const auto cp : utf8::split_code_points(text)) {
    const char32_t c = utf8::decode(cp);
    if (is_reading_space(c) || is_syllabic(c)) {
      if (is_syllabic(c)) ++units;
      in_word = false;
    } else if (!is_ascii_mark(c) && !in_word) {
      ++units;
      in_word = true;
    }
  }
  return units;
}

double units_per_minute(std::string_view locale) {
  return locale == "ko" || locale == "ja" || locale == "zh" ? 500.0 : 180.0;
}

double reading_seconds(std::string_view locale, std::string_view text) {
  return static_cast<double>(reading_units(text)) * 60.0 / units_per_minute(locale);
}

}  // namespace upstander
