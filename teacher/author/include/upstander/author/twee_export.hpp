// A scenario as Twee 3, for authors who prefer to sketch in Twine: node ids as passage
// names, kinds as tags, choices as links, texts in one language, laid out like the map.
// The text before the first passage says what does not survive the trip.
#pragma once

#include <string>

#include "upstander/scenario.hpp"

namespace upstander::author {

std::string export_twee(const Scenario& s, const std::string& lang);

}  // namespace upstander::author
