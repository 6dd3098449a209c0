// Turns a Twine story into a scenario: passages become nodes, links become choices (one
// link becomes "next"), tags choose node kinds (content/FORMAT.md, "Importing from Twine"),
// StoryTitle and StoryData become metadata. Nothing is invented to make the result pass
// `check`: texts Twine has no place for stay empty, and check then says what to write.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "upstander/author/twine_story.hpp"
#include "upstander/scenario.hpp"

namespace upstander::author {

struct TwineImportOptions {
  std::string lang = "en";  // the language the story is written in
  std::string id;           // the scenario id; "" = made from the story's title
};

struct PassageMapping {
  std::string passage;
  std::string node_id;
  std::uint32_t line = 0;
};

struct TwineImport {
  Scenario scenario;
  std::vector<PassageMapping> mapping;
  ImportNotes notes;
};

TwineImport import_twine_story(const TwineStory& story, const TwineImportOptions& options);

// A valid id made from free text: lowercase ASCII letters, digits and "_", other runs become
// "-", at most `max` characters; "" when nothing usable is left (e.g. a Korean name).
std::string slug_id(std::string_view text, std::size_t max = 64);

}  // namespace upstander::author
