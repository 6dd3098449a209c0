// Twine 2 HTML: <tw-storydata> elements (one when published, several in an archive) with
// <tw-passagedata> children whose text is HTML-escaped.
#include <algorithm>

#include "twine_reading.hpp"
#include "upstander/author/html_scan.hpp"
#include "upstander/author/twine_story.hpp"

namespace upstander::author {

namespace {

std::string attr(const HtmlTag& t, std::string_view name) {
  const std::string* v = t.attribute(name);
  return v ? *v : std::string();
}

bool has_content(std::string_view raw) {
  return raw.find_first_not_of(" \t\r\n") != std::string_view::npos;
}

class HtmlStoryReader {
 public:
  explicit HtmlStoryReader(const SourceText& source) : source_(source), scan_(source.bytes()) {}

  TwineFile run() {
    file_.syntax = TwineSyntax::Html;
    while (auto tag = scan_.next()) {
      if (!tag->closing && tag->name == "tw-storydata") read_story(*tag);
    }
    if (file_.stories.empty()) {
      note(0, "no <tw-storydata> element found: is this a story published or archived by Twine 2?");
    }
    return std::move(file_);
  }

 private:
  std::uint32_t line_at(std::size_t offset) const {
    return source_.locate(static_cast<std::uint32_t>(offset)).line;
  }
  void note(std::uint32_t line, std::string message) {
    file_.notes.push_back({ImportNote::Level::Warning, line, std::move(message)});
  }

  void read_story(const HtmlTag& open) {
    TwineStory story;
    story.name = attr(open, "name");
    story.ifid = attr(open, "ifid");
    story.format = attr(open, "format");
    story.format_version = attr(open, "format-version");
    story.line = line_at(open.begin);
    const std::string start_pid = attr(open, "startnode");
    bool closed = false;
    while (auto tag = scan_.next()) {
      if (tag->name == "tw-storydata") {
        if (!tag->closing) {
          note(line_at(tag->begin),
               "story \"" + story.name + "\" is not closed before the next story starts");
          scan_.seek(tag->begin);
        }
        closed = true;
        break;
      }
      if (tag->closing) continue;
      if (tag->name == "tw-passagedata")
        read_passage(*tag, story);
      else if (tag->name == "tw-tag")
        story.tag_colors.emplace_back(attr(*tag, "name"), attr(*tag, "color"));
      else if (tag->name == "script")
        story.has_script = story.has_script || has_content(tag->raw_text);
      else if (tag->name == "style")
        story.has_stylesheet = story.has_stylesheet || has_content(tag->raw_text);
    }
    if (!closed)
      note(story.line,
           "story \"" + story.name + "\" has no closing </tw-storydata>; read to the end");
    for (const auto& p : story.passages) {
      if (!start_pid.empty() && p.pid == start_pid) story.start = p.name;
    }
    if (!start_pid.empty() && story.start.empty()) {
      note(story.line, "the start passage (pid " + start_pid + ") does not exist");
    }
    set_aside_code_passages(story, file_.notes);
    file_.stories.push_back(std::move(story));
  }

  void read_passage(const HtmlTag& open, TwineStory& story) {
    TwinePassage p;
    p.name = attr(open, "name");
    p.pid = attr(open, "pid");
    p.tags = split_words(attr(open, "tags"));
    p.header_line = line_at(open.begin);
    if (const std::string* pos = open.attribute("position")) p.position = parse_position(*pos);
    if (open.unterminated) {
      note(p.header_line, "passage \"" + p.name + "\" is cut off inside its tag");
      story.passages.push_back(std::move(p));
      return;
    }
    const std::size_t end = passage_end(open.end);
    if (end >= source_.bytes().size() || !is_end_tag_at(end, "tw-passagedata")) {
      note(p.header_line, "passage \"" + p.name +
                              "\" has no closing </tw-passagedata>; read up to the next element");
    }
    const std::string_view body =
        std::string_view(source_.bytes()).substr(open.end, end - open.end);
    p.text = decode_html_entities(body, line_at(open.end), p.text_lines);
    scan_.seek(end);
    story.passages.push_back(std::move(p));
  }

  bool is_end_tag_at(std::size_t at, std::string_view name) const {
    return scan_.find_end_tag(name, at) == at;
  }

  // Twine escapes every '<' in passage text, so a passage ends at its end tag or, in a
  // damaged file, where the next Twine element starts.
  std::size_t passage_end(std::size_t from) const {
    std::size_t end = std::min(scan_.find_end_tag("tw-passagedata", from),
                               scan_.find_end_tag("tw-storydata", from));
    const std::string_view bytes = source_.bytes();
    for (std::size_t lt = bytes.find('<', from); lt != std::string_view::npos && lt < end;
         lt = bytes.find('<', lt + 1)) {
      std::string next(bytes.substr(lt + 1, 14));
      for (auto& c : next) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      if (next == "tw-passagedata") return lt;
    }
    return end;
  }

  const SourceText& source_;
  HtmlScanner scan_;
  TwineFile file_;
};

}  // namespace

TwineFile read_twine_html(const SourceText& source) {
  return HtmlStoryReader(source).run();
}

}  // namespace upstander::author
