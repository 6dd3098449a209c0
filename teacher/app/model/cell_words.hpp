// How a published cell is written for a teacher: its count, "fewer than k" or "hidden".
// The one place a cell becomes words, so no screen or report can show a suppressed count.
#pragma once

#include <string>

#include "api_types.hpp"
#include "dashboard_text.hpp"

namespace upstander::dashboard {

std::string cell_words(const Cell& c, int k, const DashboardText& text);
// What a chart says under its bars: "no answers yet" for an empty row, "most of the class
// chose …" where the server named a majority whose count is hidden; "" otherwise.
std::string row_note(const Row& row, const DashboardText& text);
// The one explanation of "fewer than k" and "hidden", shown once per screen.
std::string privacy_legend(int k, const DashboardText& text);
// A mean to one decimal ("3.8"), or the cell's words when n is suppressed.
std::string mean_words(const MeanValue& m, int k, const DashboardText& text);
// An endings row whose labels also name each ending's outcome ("A week carried alone (not
// yet supported)"), so a story whose player is targeted never reads as harm.
Row endings_with_outcomes(Row endings, const DashboardText& text);
// A shift with its sign ("+0.9"); "" when there is none.
std::string shift_words(const std::optional<double>& shift);

}  // namespace upstander::dashboard
