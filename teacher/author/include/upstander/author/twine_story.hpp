// A Twine story as read from Twee 3 or Twine 2 HTML, before it becomes a scenario, and the
// notes made while reading and converting it (each with its line in the source file).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "upstander/source_text.hpp"

namespace upstander::author {

struct ImportNote {
  enum class Level { Warning, Info };
  Level level = Level::Warning;
  std::uint32_t line = 0;  // 1-based line in the imported file; 0 = the whole file
  std::string message;
};
using ImportNotes = std::vector<ImportNote>;

struct TwinePassage {
  std::string name;
  std::vector<std::string> tags;
  std::string text;                       // decoded, with Twine's own escapes removed
  std::uint32_t header_line = 0;          // where the passage starts in the file
  std::vector<std::uint32_t> text_lines;  // the file line of each line of `text`
  std::string pid;                        // HTML only
  std::optional<std::pair<double, double>> position;

  std::uint32_t line_of(std::size_t text_line) const {
    return text_line < text_lines.size() ? text_lines[text_line] : header_line;
  }
  bool has_tag(std::string_view tag) const;
};

struct TwineStory {
  std::string name;  // the story's name (HTML) or StoryTitle (Twee)
  std::string ifid;
  std::string format;  // "Harlowe", "SugarCube", ...
  std::string format_version;
  std::string start;  // the start passage's name
  std::vector<std::pair<std::string, std::string>> tag_colors;
  bool has_script = false;
  bool has_stylesheet = false;
  std::uint32_t line = 0;
  std::vector<TwinePassage> passages;

  const TwinePassage* find(std::string_view passage_name) const;
};

enum class TwineSyntax { Twee3, Html };

struct TwineFile {
  TwineSyntax syntax = TwineSyntax::Twee3;
  std::vector<TwineStory> stories;  // Twee has one; an archive may have several
  ImportNotes notes;
};

// "path:line: warning: message" lines in file order (notes about the whole file first).
std::string format_notes(const std::string& path, ImportNotes notes);

// Reads Twee 3, or Twine 2 published or archive HTML (told apart by <tw-storydata>).
// Never throws; whatever cannot be read is a note.
TwineFile read_twine(const SourceText& source);
TwineFile read_twee(const SourceText& source);
TwineFile read_twine_html(const SourceText& source);

}  // namespace upstander::author
