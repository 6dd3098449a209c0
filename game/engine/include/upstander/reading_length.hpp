// How long a text is to read: the one count behind reading-time estimates, scenario stats,
// the editor's word counts and the content tests.
#pragma once

#include <cstddef>
#include <string_view>

namespace upstander {

// Reading units in `text`: each Hangul syllable (or CJK character, or kana) is one unit,
// and each other run of letters or digits between spaces is one word. Punctuation on its
// own is not read. English "Delete it now." is 3; Korean "지금 지워 줘." is 5.
std::size_t reading_units(std::string_view text);

// Units a student reads in a minute, silently, on a phone: about 500 syllables in Korean
// (and Japanese or Chinese characters), 180 words in English and other languages.
double units_per_minute(std::string_view locale);

// Seconds a student needs to read `text` in `locale`.
double reading_seconds(std::string_view locale, std::string_view text);

}  // namespace upstander
