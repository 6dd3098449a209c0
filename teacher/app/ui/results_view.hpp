// A session's results laid out in a scrolling column: the stages, then per scenario the
// decision points (two charts a row when there is room), the endings, the reflection
// questions, and the survey's before and after. The live screen and the results screen
// both show a summary this way.
#pragma once

#include <imgui.h>

#include "dash_ui.hpp"

namespace upstander::dashboard {

// Draws into the current window from its cursor, `width` wide; returns the height used.
float results_view(DashUi& ui, const Summary& s, float width, const char* where);

// The title of a decision point: the guide's heading, else "scenario / node".
std::string point_title(const DashUi& ui, const ScenarioResults& sc, const Decision& d);

}  // namespace upstander::dashboard
