// Warnings about what reached a text without the author meaning students to see it: HTML
// (<b>, <script>, &nbsp;), Twine markup ([[links]], <<macros>>), and invisible characters
// that hide or reorder text (bidi controls, zero-width spaces). The game shows every text
// exactly as written, so each of these would appear on a student's screen, or hide there.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "upstander/read_context.hpp"

namespace upstander {

// Checks one text of one locale; `string_offset` is where its JSON string starts (the
// opening quote), so each warning points at the very character. At most one warning of
// each kind per text: the first occurrence is the one to look at.
void check_text_hygiene(ReadContext& ctx, std::uint32_t string_offset, std::string_view locale,
                        std::string_view text);

// The byte offset in `source` of byte `index` of the decoded JSON string that starts at
// `string_offset`, following escapes (\n, \u00e9, surrogate pairs) in the raw text.
std::uint32_t raw_offset_in_string(std::string_view source, std::uint32_t string_offset,
                                   std::size_t index);

}  // namespace upstander
