// A scenario as Twee 3, for authors who prefer to sketch in Twine: node ids as passage
// names, kinds as tags, choices as links, texts in one language, laid out like the map;
// variables, conditions, effects and routes written as Harlowe or SugarCube macros that
// import-twine reads back. The text before the first passage says what does not survive.
#pragma once

#include <string>

#include "upstander/author/twine_logic.hpp"
#include "upstander/scenario.hpp"

namespace upstander::author {

std::string export_twee(const Scenario& s, const std::string& lang,
                        TwineFormat format = TwineFormat::Harlowe);

}  // namespace upstander::author
