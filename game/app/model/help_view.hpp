// The help lines a student sees: from content/help/resources.json for their country, led
// by an ending's topics; or, when that file is missing or broken, a fixed list that still
// comes from the locale files. Help is never empty (SAFETY.md).
#pragma once

#include <string>
#include <vector>

#include "ui_text.hpp"
#include "upstander/content_library.hpp"
#include "upstander/vocabulary.hpp"

namespace upstander::app {

struct HelpEntry {
  std::string name;
  std::string contact;  // "1366", "text #0117", "d4u.stop.or.kr", joined with " · "
  std::string what;
  std::string hours;
};

struct HelpView {
  std::string country_name;  // "" for the fallback list
  std::string country_code;
  bool from_fallback = false;  // true when the help file could not be used
  std::vector<HelpEntry> entries;
};

HelpView make_help_view(const ContentLibrary& lib, const UiText& text, const std::string& country,
                        const std::vector<HelpTopic>& lead_topics = {});

// Codes of the countries the help file lists, for the country picker ("KR", "INT", ...).
std::vector<std::string> help_countries(const ContentLibrary& lib);

// The country after `current` in the help file's order, wrapping round; "" without a file.
std::string next_help_country(const ContentLibrary& lib, const std::string& current);

// Number of fixed fallback lines (game.help.fallback.N.name/contact/what).
inline constexpr int kFallbackHelpLines = 4;

}  // namespace upstander::app
