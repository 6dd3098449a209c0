// Shared reading helpers and the entry point that tells Twee from HTML.
#include "twine_reading.hpp"

#include <algorithm>
#include <locale>
#include <sstream>

namespace upstander::author {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool contains_ci(std::string_view hay, std::string_view needle) {
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end(),
                     [](char a, char b) { return lower(a) == lower(b); }) != hay.end();
}

}  // namespace

std::string trim_copy(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

std::string ascii_lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    const std::size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > start) out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

namespace {

// The whole of `s` as a number, whatever the user's locale ("12.5", never "12,5"). A
// stream in the classic locale: libc++ 13 (the browser build's) has no from_chars for double.
std::optional<double> position_number(const std::string& s) {
  std::istringstream in(s);
  in.imbue(std::locale::classic());
  double v = 0;
  in >> v;
  if (in.fail() || !in.eof()) return std::nullopt;
  return v;
}

}  // namespace

std::optional<std::pair<double, double>> parse_position(std::string_view s) {
  const std::size_t comma = s.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  const std::string xs = trim_copy(s.substr(0, comma)), ys = trim_copy(s.substr(comma + 1));
  const auto x = position_number(xs), y = position_number(ys);
  if (!x || !y) return std::nullopt;
  return std::make_pair(*x, *y);
}

void set_aside_code_passages(TwineStory& story, ImportNotes& notes) {
  std::vector<TwinePassage> kept;
  for (auto& p : story.passages) {
    if (p.has_tag("script")) {
      story.has_script = true;
      notes.push_back(
          {ImportNote::Level::Warning, p.header_line,
           "passage \"" + p.name +
               "\" is JavaScript (tagged script); Upstander runs no story code, skipped"});
    } else if (p.has_tag("stylesheet")) {
      story.has_stylesheet = true;
      notes.push_back({ImportNote::Level::Warning, p.header_line,
                       "passage \"" + p.name +
                           "\" is CSS (tagged stylesheet); the game has its own look, skipped"});
    } else if (p.has_tag("Twine.image") || p.has_tag("Twine.audio") || p.has_tag("Twine.video")) {
      notes.push_back({ImportNote::Level::Warning, p.header_line,
                       "passage \"" + p.name +
                           "\" holds media; Upstander never shows pictures (only labelled cards), "
                           "skipped"});
    } else {
      kept.push_back(std::move(p));
    }
  }
  story.passages = std::move(kept);
}

bool TwinePassage::has_tag(std::string_view tag) const {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

const TwinePassage* TwineStory::find(std::string_view passage_name) const {
  for (const auto& p : passages) {
    if (p.name == passage_name) return &p;
  }
  return nullptr;
}

std::string format_notes(const std::string& path, ImportNotes notes) {
  std::stable_sort(notes.begin(), notes.end(),
                   [](const ImportNote& a, const ImportNote& b) { return a.line < b.line; });
  std::string out;
  for (const auto& n : notes) {
    out += path;
    if (n.line > 0) out += ":" + std::to_string(n.line);
    out += n.level == ImportNote::Level::Warning ? ": warning: " : ": note: ";
    out += n.message + "\n";
  }
  return out;
}

TwineFile read_twine(const SourceText& source) {
  // A Twee file starts with a passage header (its text may mention HTML tags freely).
  std::string_view bytes = source.bytes();
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  const std::size_t first = bytes.find_first_not_of(" \t\r\n");
  const bool twee = first != std::string_view::npos && bytes.substr(first, 2) == "::";
  if (!twee && contains_ci(bytes, "<tw-storydata")) return read_twine_html(source);
  return read_twee(source);
}

}  // namespace upstander::author
