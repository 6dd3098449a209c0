// The code points a program can show: every UI string, every scenario, survey and help
// text, plus printable ASCII. The font atlas is built from exactly this set instead of
// the whole Korean range (11,172 syllables), which keeps it small and quick to build.
#pragma once

#include <set>
#include <string_view>

#include "upstander/content_library.hpp"

namespace upstander::ui {

using GlyphSet = std::set<char32_t>;

void add_text(GlyphSet& set, std::string_view utf8);
GlyphSet content_glyphs(const ContentLibrary& lib);
// Scenarios and surveys that arrive after start-up (a class session's, from the teacher's
// server) add their code points when they arrive.
void add_scenario_glyphs(GlyphSet& set, const Scenario& s);
void add_survey_glyphs(GlyphSet& set, const Survey& sv);

// Zero-width code points that only modify the one before (variation selectors, the
// zero-width joiner, skin tones). The game draws the base emoji and drops these.
bool is_modifier(char32_t cp);

}  // namespace upstander::ui
