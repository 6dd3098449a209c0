// Twee 3: ":: Name [tags] {metadata}" headers, StoryTitle and StoryData.
#include <nlohmann/json.hpp>

#include "twine_reading.hpp"
#include "upstander/author/twine_story.hpp"

namespace upstander::author {

namespace {

struct Header {
  std::string name;
  std::vector<std::string> tags;
  std::string metadata;
  bool tags_unclosed = false;
};

// Reads up to an unescaped character in `stops`; Twee escapes \[ \] \{ \} and \\ in names.
std::string read_escaped(std::string_view s, std::size_t& i, std::string_view stops) {
  std::string out;
  while (i < s.size() && stops.find(s[i]) == std::string_view::npos) {
    if (s[i] == '\\' && i + 1 < s.size()) ++i;
    out += s[i++];
  }
  return out;
}

Header parse_header(std::string_view line) {
  Header h;
  std::size_t i = 2;  // after "::"
  h.name = trim_copy(read_escaped(line, i, "[{"));
  if (i < line.size() && line[i] == '[') {
    ++i;
    const std::string tags = read_escaped(line, i, "]");
    h.tags_unclosed = i >= line.size();
    if (!h.tags_unclosed) ++i;
    h.tags = split_words(tags);
  }
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i < line.size()) h.metadata = trim_copy(line.substr(i));
  return h;
}

void read_metadata(TwinePassage& p, const std::string& metadata, ImportNotes& notes) {
  if (metadata.empty()) return;
  const nlohmann::json j = nlohmann::json::parse(metadata, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    notes.push_back(
        {ImportNote::Level::Warning, p.header_line,
         "the metadata after passage \"" + p.name + "\" is not a JSON object; ignored"});
    return;
  }
  if (auto it = j.find("position"); it != j.end() && it->is_string())
    p.position = parse_position(it->get<std::string>());
}

void read_story_data(TwineStory& story, const TwinePassage& p, ImportNotes& notes) {
  const nlohmann::json j = nlohmann::json::parse(p.text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    notes.push_back(
        {ImportNote::Level::Warning, p.header_line, "StoryData is not a JSON object; ignored"});
    return;
  }
  auto text = [&](const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  story.ifid = text("ifid");
  story.format = text("format");
  story.format_version = text("format-version");
  story.start = text("start");
  if (auto it = j.find("tag-colors"); it != j.end() && it->is_object()) {
    for (const auto& [tag, colour] : it->items()) {
      if (colour.is_string()) story.tag_colors.emplace_back(tag, colour.get<std::string>());
    }
  }
}

// Passage text ends at the next header; Twee 3 drops the blank lines before it.
void finish_passage(TwinePassage& p) {
  while (!p.text_lines.empty()) {
    const std::size_t last_nl = p.text.rfind('\n');
    const std::string_view last = last_nl == std::string::npos
                                      ? std::string_view(p.text)
                                      : std::string_view(p.text).substr(last_nl + 1);
    if (!trim_copy(last).empty()) break;
    p.text.erase(last_nl == std::string::npos ? 0 : last_nl);
    p.text_lines.pop_back();
  }
}

}  // namespace

TwineFile read_twee(const SourceText& source) {
  TwineFile file;
  file.syntax = TwineSyntax::Twee3;
  TwineStory story;
  std::vector<TwinePassage> passages;
  bool warned_preamble = false;
  const std::string& bytes = source.bytes();
  std::size_t start = bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  std::uint32_t line_no = 0;
  while (start <= bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    std::string_view line(bytes.data() + start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_no;
    if (line.substr(0, 2) == "::") {
      if (!passages.empty()) finish_passage(passages.back());
      const Header h = parse_header(line);
      TwinePassage p;
      p.name = h.name;
      p.tags = h.tags;
      p.header_line = line_no;
      if (h.tags_unclosed) {
        file.notes.push_back({ImportNote::Level::Warning, line_no,
                              "the tag list of \"" + p.name + "\" has no closing ]"});
      }
      read_metadata(p, h.metadata, file.notes);
      passages.push_back(std::move(p));
    } else if (!passages.empty()) {
      TwinePassage& p = passages.back();
      if (!p.text_lines.empty()) p.text += '\n';
      // Twine escapes "::" at the start of a text line as "\::" (older versions "\:\:").
      if (line.substr(0, 3) == "\\::") {
        p.text += line.substr(1);
      } else if (line.substr(0, 4) == "\\:\\:") {
        p.text += "::";
        p.text += line.substr(4);
      } else {
        p.text += line;
      }
      p.text_lines.push_back(line_no);
    } else if (!trim_copy(line).empty() && !warned_preamble) {
      file.notes.push_back({ImportNote::Level::Info, line_no,
                            "text before the first \":: passage\" header is ignored"});
      warned_preamble = true;
    }
    if (end == bytes.size()) break;
    start = end + 1;
  }
  if (!passages.empty()) finish_passage(passages.back());
  for (auto& p : passages) {
    if (p.name == "StoryTitle") {
      story.name = trim_copy(p.text);
      story.line = p.header_line;
    } else if (p.name == "StoryData") {
      read_story_data(story, p, file.notes);
    } else {
      story.passages.push_back(std::move(p));
    }
  }
  if (story.passages.empty()) {
    file.notes.push_back({ImportNote::Level::Warning, 0,
                          "no passages found (a Twee passage starts with a line \":: Name\")"});
  }
  set_aside_code_passages(story, file.notes);
  file.stories.push_back(std::move(story));
  return file;
}

}  // namespace upstander::author
