// Character references and a forgiving tag scanner for Twine's HTML.
#include "upstander/author/html_scan.hpp"

#include <array>

#include "upstander/utf8.hpp"

namespace upstander::author {

namespace {

constexpr std::size_t kMaxEntityLength = 32;

struct NamedEntity {
  std::string_view name;
  char32_t cp;
};
constexpr std::array kNamed = {
    NamedEntity{"amp", U'&'},         NamedEntity{"lt", U'<'},
    NamedEntity{"gt", U'>'},          NamedEntity{"quot", U'"'},
    NamedEntity{"apos", U'\''},       NamedEntity{"nbsp", U'\u00A0'},
    NamedEntity{"hellip", U'\u2026'}, NamedEntity{"mdash", U'\u2014'},
    NamedEntity{"ndash", U'\u2013'},  NamedEntity{"lsquo", U'\u2018'},
    NamedEntity{"rsquo", U'\u2019'},  NamedEntity{"ldquo", U'\u201C'},
    NamedEntity{"rdquo", U'\u201D'},  NamedEntity{"copy", U'\u00A9'},
    NamedEntity{"middot", U'\u00B7'},
};

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool valid_code_point(std::uint64_t v) {
  return v > 0 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF);
}

// The code point of the reference starting at s[0] == '&' and its length, or nullopt.
std::optional<std::pair<char32_t, std::size_t>> reference_at(std::string_view s) {
  const std::size_t semi = s.substr(0, kMaxEntityLength).find(';');
  if (semi == std::string_view::npos || semi < 2) return std::nullopt;
  const std::string_view body = s.substr(1, semi - 1);
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return std::nullopt;
    std::uint64_t v = 0;
    for (char c : digits) {
      int d = -1;
      if (c >= '0' && c <= '9')
        d = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        d = c - 'A' + 10;
      if (d < 0) return std::nullopt;
      v = v * (hex ? 16u : 10u) + static_cast<unsigned>(d);
      if (v > 0x10FFFF) v = 0x110000;  // stays invalid without overflowing
    }
    return std::make_pair(valid_code_point(v) ? static_cast<char32_t>(v) : U'\uFFFD', semi + 1);
  }
  for (const auto& e : kNamed) {
    if (e.name == body) return std::make_pair(e.cp, semi + 1);
  }
  return std::nullopt;
}

}  // namespace

std::string decode_html_entities(std::string_view s, std::uint32_t first_line,
                                 std::vector<std::uint32_t>& line_map) {
  std::string out;
  out.reserve(s.size());
  std::uint32_t line = first_line;
  line_map.assign(1, line);
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      if (auto ref = reference_at(s.substr(i))) {
        utf8::append(out, ref->first);
        if (ref->first == U'\n') line_map.push_back(line);
        i += ref->second;
        continue;
      }
    }
    if (s[i] == '\n') {
      ++line;
      line_map.push_back(line);
    }
    out += s[i++];
  }
  return out;
}

std::string decode_html_entities(std::string_view s) {
  std::vector<std::uint32_t> ignored;
  return decode_html_entities(s, 1, ignored);
}

const std::string* HtmlTag::attribute(std::string_view attr_name) const {
  for (const auto& [n, v] : attributes) {
    if (n == attr_name) return &v;
  }
  return nullptr;
}

std::size_t HtmlScanner::find_end_tag(std::string_view name, std::size_t from) const {
  for (std::size_t i = s_.find("</", from); i != std::string_view::npos; i = s_.find("</", i + 2)) {
    if (i + 2 + name.size() > s_.size()) break;
    bool match = true;
    for (std::size_t k = 0; k < name.size() && match; ++k) match = lower(s_[i + 2 + k]) == name[k];
    const std::size_t after = i + 2 + name.size();
    if (match &&
        (after == s_.size() || is_space(s_[after]) || s_[after] == '>' || s_[after] == '/'))
      return i;
  }
  return s_.size();
}

void HtmlScanner::skip_comment_or_declaration() {
  if (s_.substr(pos_, 4) == "<!--") {
    const std::size_t end = s_.find("-->", pos_ + 4);
    pos_ = end == std::string_view::npos ? s_.size() : end + 3;
    return;
  }
  const std::size_t end = s_.find('>', pos_);
  pos_ = end == std::string_view::npos ? s_.size() : end + 1;
}

void HtmlScanner::read_attributes(HtmlTag& tag) {
  while (pos_ < s_.size()) {
    while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
    if (pos_ >= s_.size()) break;
    if (s_[pos_] == '>') {
      ++pos_;
      tag.end = pos_;
      return;
    }
    if (s_.substr(pos_, 2) == "/>") {
      tag.self_closing = true;
      pos_ += 2;
      tag.end = pos_;
      return;
    }
    std::string name;
    while (pos_ < s_.size() && !is_space(s_[pos_]) && s_[pos_] != '=' && s_[pos_] != '>' &&
           s_.substr(pos_, 2) != "/>") {
      name += lower(s_[pos_++]);
    }
    if (name.empty()) {  // a stray '/' or '=': step over it so the scan always advances
      ++pos_;
      continue;
    }
    while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
    std::string value;
    if (pos_ < s_.size() && s_[pos_] == '=') {
      ++pos_;
      while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '"' || s_[pos_] == '\'')) {
        const char quote = s_[pos_++];
        const std::size_t close = s_.find(quote, pos_);
        const std::size_t stop = close == std::string_view::npos ? s_.size() : close;
        value = decode_html_entities(s_.substr(pos_, stop - pos_));
        pos_ = close == std::string_view::npos ? s_.size() : close + 1;
      } else {
        const std::size_t start = pos_;
        while (pos_ < s_.size() && !is_space(s_[pos_]) && s_[pos_] != '>') ++pos_;
        value = decode_html_entities(s_.substr(start, pos_ - start));
      }
    }
    tag.attributes.emplace_back(std::move(name), std::move(value));
  }
  tag.unterminated = true;
  tag.end = s_.size();
}

HtmlTag HtmlScanner::read_tag(bool closing) {
  HtmlTag tag;
  tag.begin = pos_;
  tag.closing = closing;
  pos_ += closing ? 2 : 1;
  while (pos_ < s_.size() && (is_alpha(s_[pos_]) || (s_[pos_] >= '0' && s_[pos_] <= '9') ||
                              s_[pos_] == '-' || s_[pos_] == ':' || s_[pos_] == '_')) {
    tag.name += lower(s_[pos_++]);
  }
  read_attributes(tag);
  if (!closing && !tag.self_closing && !tag.unterminated &&
      (tag.name == "script" || tag.name == "style")) {
    const std::size_t end = find_end_tag(tag.name, pos_);
    tag.raw_text = s_.substr(pos_, end - pos_);
    pos_ = end;
  }
  return tag;
}

std::optional<HtmlTag> HtmlScanner::next() {
  while (pos_ < s_.size()) {
    const std::size_t lt = s_.find('<', pos_);
    if (lt == std::string_view::npos || lt + 1 >= s_.size()) {
      pos_ = s_.size();
      return std::nullopt;
    }
    pos_ = lt;
    const char c = s_[lt + 1];
    if (c == '!' || c == '?') {
      skip_comment_or_declaration();
    } else if (c == '/' && lt + 2 < s_.size() && is_alpha(s_[lt + 2])) {
      return read_tag(true);
    } else if (is_alpha(c)) {
      return read_tag(false);
    } else {
      ++pos_;  // a '<' that starts no tag is text
    }
  }
  return std::nullopt;
}

}  // namespace upstander::author
