// Takes a Twine passage's text apart: its links ([[text]], [[text->target]],
// [[target<-text]], [[text|target]]) and the readable text without macros and markup.
// What cannot be carried over (Harlowe and SugarCube macros, HTML, variables) is removed or
// kept as written, with a note giving the line in the source file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "upstander/author/twine_story.hpp"

namespace upstander::author {

struct TwineLink {
  std::string text;    // what the student reads
  std::string target;  // the passage name (or a web address when external)
  std::uint32_t line = 0;
  bool external = false;    // http://... and other web links
  bool has_setter = false;  // [[a->b][$x to 1]]: the setter is dropped
};

// Twine 2's rules: the rightmost "->", else the leftmost "<-", else the last "|".
TwineLink parse_link(std::string_view inner);

struct PassageContent {
  std::string text;  // readable text: links on a line of their own removed, inline links as their text
  std::vector<TwineLink> links;
};

PassageContent read_passage_markup(const TwinePassage& p, ImportNotes& notes);

}  // namespace upstander::author
