// The line at the foot of every class screen: the student's name in this class and how the
// answers are getting on. Quiet on purpose: small, muted, no timer, no alarm colour; an
// unreachable server is something the game handles, not something the student must fix.
#include <algorithm>
#include <string>

#include "screens.hpp"
#include "upstander/ui/shapes.hpp"
#include "upstander/ui/text_draw.hpp"

namespace upstander::app {

float class_status_bar(Ui& ui) {
  const std::string line = ui.m.class_status_line();
  if (line.empty()) return 0.0f;
  const ui::Theme& t = ui.theme;
  const float pad = 6.0f * ui.s();
  const float dot = 5.0f * ui.s();
  const float left = 16.0f * ui.s() + 2.0f * dot + 8.0f * ui.s();
  const float wrap = ui.window_size.x - left - 16.0f * ui.s();
  const float h = ui::measure(ui, ui.fonts.small, line, wrap).y + 2.0f * pad;
  const ImVec2 a(0.0f, ui.window_size.y - h);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ui::fill_rounded(dl, a, ImVec2(ui.window_size.x, ui.window_size.y), t.panel);
  ui::fill_rounded(dl, a, ImVec2(ui.window_size.x, a.y + 1.0f), t.panel_border);
  const ClassStatus st = ui.m.class_status();
  const bool flowing = st == ClassStatus::Online || st == ClassStatus::Sending;
  ui::fill_circle(dl, ImVec2(16.0f * ui.s() + dot, a.y + pad + ui.fonts.small->FontSize * 0.5f),
                  dot, flowing ? t.accent : t.text_muted);
  ui::draw_text(ui, dl, ui.fonts.small, ImVec2(left, a.y + pad), t.text_muted, line, wrap,
                "class-status");
  return h;
}

}  // namespace upstander::app
