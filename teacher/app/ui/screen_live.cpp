// The live view while students play: how many are at each stage and the choices so far,
// all as published (small groups hidden).
#include "dashboard_screens.hpp"
#include "upstander/ui/layout.hpp"
#include "results_view.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/ui/widgets.hpp"

namespace upstander::dashboard {

using ui::ButtonKind;

void draw_live(DashUi& ui, ImVec2 a, ImVec2 b) {
  Dashboard& d = ui.d;
  const float pad = 24.0f * ui.s();
  const float bar_h = button_bar_height(ui) + 32.0f * ui.s();
  if (ui::begin_region("live", ImVec2(a.x + pad, a.y + pad * 0.75f),
                       ImVec2(b.x - pad * 0.5f, b.y - bar_h))) {
    const float w = b.x - a.x - 1.5f * pad - 20.0f * ui.s();
    if (d.live()) {
      results_view(ui, *d.live(), w, "live");
    } else {
      ui::draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.body, ImGui::GetCursorScreenPos(),
                    ui.theme.text_muted, ui.t("teacher.live.waiting"), w, "live-waiting");
    }
  }
  ui::end_region();
  const std::vector<BarItem> items = {
      {"live-lobby", ui.t("teacher.live.to_lobby"), ButtonKind::Normal},
      {"live-end", ui.t("teacher.session.end"), ButtonKind::Quiet},
      {"live-debrief", ui.t("teacher.live.to_debrief"), ButtonKind::Primary,
       !d.debrief_points().empty()},
  };
  const int pressed = button_bar(ui, ImVec2(a.x + 16.0f * ui.s(), b.y - bar_h + 16.0f * ui.s()),
                                 items, b.x - a.x - 32.0f * ui.s(), true);
  if (pressed == 0) ui.post([&d] { d.show_screen(Screen::Lobby); });
  if (pressed == 1) ui.post([&d] { d.request_end(); });
  if (pressed == 2) ui.post([&d] { d.show_screen(Screen::Debrief); });
}

}  // namespace upstander::dashboard
