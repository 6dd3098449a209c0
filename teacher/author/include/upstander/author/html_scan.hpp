// Just enough HTML for Twine files: character references, and a tag scanner that finds
// start and end tags with their attributes, skips comments, and treats the content of
// <script> and <style> as raw text. It never fails: malformed markup is read as far as it
// makes sense and the rest is taken as text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace upstander::author {

// Decodes &amp; &lt; &gt; &quot; &apos; &nbsp; numeric references (&#39; &#x1F600;) and a
// few typographic names; anything else is left as written. Invalid numbers become U+FFFD.
std::string decode_html_entities(std::string_view s);

// As decode_html_entities, and also reports for each line of the result the line of `s`
// it comes from (an encoded &#10; starts a new line on the same source line).
std::string decode_html_entities(std::string_view s, std::uint32_t first_line,
                                 std::vector<std::uint32_t>& line_map);

struct HtmlTag {
  std::string name;                                             // lowercase
  std::vector<std::pair<std::string, std::string>> attributes;  // names lowercase, values decoded
  bool closing = false;                                         // </name>
  bool self_closing = false;                                    // <name/>
  bool unterminated = false;                                    // the file ended inside the tag
  std::size_t begin = 0;                                        // offset of '<'
  std::size_t end = 0;                                          // offset after '>'
  // For <script> and <style>: the raw text up to the matching end tag.
  std::string_view raw_text;

  const std::string* attribute(std::string_view attr_name) const;
};

class HtmlScanner {
 public:
  explicit HtmlScanner(std::string_view html) : s_(html) {}

  // The next start or end tag at or after the current position.
  std::optional<HtmlTag> next();
  std::size_t position() const { return pos_; }
  // Moves to `offset` (used to jump over an element's content).
  void seek(std::size_t offset) { pos_ = offset < s_.size() ? offset : s_.size(); }
  // Where `</name` next starts (case-insensitive), or the end of the text.
  std::size_t find_end_tag(std::string_view name, std::size_t from) const;

 private:
  void skip_comment_or_declaration();
  HtmlTag read_tag(bool closing);
  void read_attributes(HtmlTag& tag);

  std::string_view s_;
  std::size_t pos_ = 0;
};

}  // namespace upstander::author
