// The dashboard's charts, drawn with ImGui draw lists: a row of published cells as
// horizontal bars, the class's stages as a strip, the survey's before/after means. A
// suppressed cell is drawn as a labelled placeholder with no bar, so neither its text nor
// its length says a number the server did not publish.
#pragma once

#include <imgui.h>

#include <string>

#include "api_types.hpp"
#include "dash_ui.hpp"

namespace upstander::dashboard {

struct BarStyle {
  ImFont* label_font = nullptr;  // nullptr: body
  ImFont* value_font = nullptr;  // nullptr: body
  float bar_height = 0.0f;       // 0: from the font
  bool outcome_colours = false;  // endings: colour by outcome
};

// An ending's colour ("upstander", "mixed", "harm"): charts and the author's map agree.
ImU32 outcome_colour(const ui::Theme& t, const std::string& outcome);

// Draws `row` in [pos.x, pos.x + width] from pos.y down; returns the height used. `where`
// names the boxes for the text audit ("<where>/<cell id>").
float bar_chart(DashUi& ui, ImVec2 pos, float width, const Row& row, int k,
                const std::string& where, const BarStyle& style = {});
float bar_chart_height(const DashUi& ui, float width, const Row& row, const BarStyle& style = {});

// The stages (joined, pre-survey, playing, finished, post-survey) as equal boxes with their
// counts; returns the height used.
float stage_strip(DashUi& ui, ImVec2 pos, float width, const Row& stages, int k);

// Survey items: before and after on a 1-5 line, with the shift; returns the height used.
float survey_shift(DashUi& ui, ImVec2 pos, float width, const Summary& s);

// A section heading with a thin rule; returns the height used.
float section_heading(DashUi& ui, ImVec2 pos, float width, const std::string& text,
                      const char* where);

// A small check box with its label, pressed by click or the focus ring.
bool check_box(DashUi& ui, const char* id, const std::string& label, bool on, float width);

}  // namespace upstander::dashboard
