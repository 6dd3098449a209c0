// Author mode's screens: choosing a pack (with the offer to recover unsaved work), and the
// editor (toolbar, map, node editor, characters, review, diagnostics, statistics).
#pragma once

#include <imgui.h>

#include <string>

#include "dash_ui.hpp"

namespace upstander::dashboard {

void draw_author(DashUi& ui, ImVec2 a, ImVec2 b);
void draw_author_open(DashUi& ui, ImVec2 a, ImVec2 b);
void draw_author_recovery(DashUi& ui);
void draw_author_map(DashUi& ui, ImVec2 a, ImVec2 b);
void draw_author_node(DashUi& ui, float width);
void draw_author_pack(DashUi& ui, float width);
void draw_author_diagnostics(DashUi& ui, ImVec2 a, ImVec2 b);

// ImGui's own widgets with the dashboard's checks: the label goes through the text audit
// and the value's code points are reported when the font lacks them (they are then added).
bool text_field(DashUi& ui, const char* id, const std::string& label, std::string& value, float width,
                bool multiline = false);
bool id_combo(DashUi& ui, const char* id, const std::string& label, const std::vector<std::string>& ids,
              std::string& value, float width);
// The author's words for an edit refused or a file problem, "" when none.
std::string author_message(const DashUi& ui);

}  // namespace upstander::dashboard
