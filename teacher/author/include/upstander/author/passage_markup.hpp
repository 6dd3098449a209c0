// Takes a Twine passage's text apart: its links ([[text]], [[text->target]],
// [[target<-text]], [[text|target]], (link-goto:), <<link>>, with their setters), its
// (go-to:)/<<goto>>, the (set:)/<<set>> that run on arriving, the (if:)/<<if>> conditions
// around links, and the readable text without macros and markup. What cannot be carried
// over (other macros, conditional text, HTML, printed variables) is removed or kept as
// written, with a note giving the line in the source file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "upstander/author/twine_story.hpp"
#include "upstander/condition.hpp"
#include "upstander/effect.hpp"

namespace upstander::author {

struct TwineLink {
  std::string text;    // what the student reads
  std::string target;  // the passage name (or a web address when external)
  std::uint32_t line = 0;
  bool external = false;    // http://... and other web links
  bool has_setter = false;  // [[a->b][$x to 1]]
  std::string setter;       // its text
  // Set by the passage reader (variables by their Twine names):
  std::vector<Condition> conditions;  // all must hold: the (if:) hooks and <<if>> blocks around it
  std::vector<Effect> effects;        // setters, and (set:) inside a (link:) hook
  bool go_to = false;                 // (go-to:) or <<goto>>: followed without the student choosing
  int chain = -1;   // the innermost if-chain around it (index in PassageContent::chains)
  int branch = -1;  // which of its branches
};

// (if:)(else-if:)(else:) hooks, or one <<if>><<elseif>><<else>><</if>> block.
struct IfChain {
  int branches = 0;
  bool has_else = false;
  bool top_level = false;  // not inside another hook or block
};

// Twine 2's rules: the rightmost "->", else the leftmost "<-", else the last "|".
TwineLink parse_link(std::string_view inner);

struct PassageContent {
  std::string
      text;  // readable text: links on a line of their own removed, inline links as their text
  std::vector<TwineLink> links;  // in passage order, (go-to:) included
  std::vector<Effect> effects;   // (set:)/<<set>> outside any hook: applied on arriving
  std::vector<IfChain> chains;
};

PassageContent read_passage_markup(const TwinePassage& p, ImportNotes& notes);

}  // namespace upstander::author
