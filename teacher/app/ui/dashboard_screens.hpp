// The dashboard's screens. draw_dashboard draws one whole frame: the top bar with the
// modes, the current screen, a notice and any confirmation on top.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "dash_ui.hpp"
#include "time_text.hpp"
#include "upstander/ui/widgets.hpp"

namespace upstander::dashboard {

void draw_dashboard(DashUi& ui);

void draw_setup(DashUi& ui, ImVec2 a, ImVec2 b);
void draw_lobby(DashUi& ui, ImVec2 a, ImVec2 b);
// The lobby's projector view (the code and address filling the window) on or off; the
// lobby's own button turns it on, Esc or a click off.
void set_lobby_projector(bool on);
void draw_live(DashUi& ui, ImVec2 a, ImVec2 b);
void draw_debrief(DashUi& ui, ImVec2 a, ImVec2 b);
void draw_results(DashUi& ui, ImVec2 a, ImVec2 b);
void draw_settings(DashUi& ui, ImVec2 a, ImVec2 b);

// Buttons side by side from `pos`, each as wide as its label; returns the index pressed or
// -1. `kinds` may be shorter than `labels` (the rest are Normal).
struct BarItem {
  const char* id;
  std::string label;
  ui::ButtonKind kind = ui::ButtonKind::Normal;
  bool enabled = true;
};
int button_bar(DashUi& ui, ImVec2 pos, const std::vector<BarItem>& items, float max_width,
               bool align_right = false);
float button_bar_height(const DashUi& ui);

// Short date and time of a Unix time in the teacher's time zone ("2025-03-14 09:05").
inline std::string date_time(std::int64_t t) {
  return local_time(t);
}

}  // namespace upstander::dashboard
