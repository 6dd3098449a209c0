// The frame: the top bar (modes and the server's state), the current screen, notices and
// confirmations.

#include "author_screens.hpp"
#include "dashboard_screens.hpp"
#include "upstander/ui/shapes.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/ui/widgets.hpp"

namespace upstander::dashboard {

using ui::ButtonKind;
using ui::draw_text;
using ui::measure;

namespace {

constexpr ImGuiWindowFlags kOverlay =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground;
// ImGui creates windows with NoBringToFrontOnFocus behind the others: right for the
// screen, wrong for the notice and the confirmation drawn over it.
constexpr ImGuiWindowFlags kFullWindow = kOverlay | ImGuiWindowFlags_NoBringToFrontOnFocus;

float top_bar(DashUi& ui) {
  Dashboard& d = ui.d;
  const float pad = 8.0f * ui.s();
  const float h = ui.fonts.body->FontSize + 30.0f * ui.s();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ui::fill_rounded(dl, ImVec2(0, 0), ImVec2(ui.window_size.x, h), ui.theme.panel);
  ui::fill_rounded(dl, ImVec2(0, h - 1.0f), ImVec2(ui.window_size.x, h), ui.theme.panel_border);
  const float title_w =
      draw_text(ui, dl, ui.fonts.body, ImVec2(16.0f * ui.s(), (h - ui.fonts.body->FontSize) * 0.5f),
                ui.theme.accent, ui.t("teacher.app.name"), 0.0f, "app-name")
          .x;
  const auto kind = [&](Mode m) { return d.mode() == m ? ButtonKind::Primary : ButtonKind::Quiet; };
  std::vector<BarItem> tabs = {
      {"tab-session", ui.t("teacher.tab.session"), kind(Mode::Session)},
      {"tab-results", ui.t("teacher.tab.results"), kind(Mode::Results)},
      {"tab-settings", ui.t("teacher.tab.settings"), kind(Mode::Settings)},
  };
  if (ui.author) tabs.push_back({"tab-author", ui.t("teacher.tab.author"), kind(Mode::Author)});
  const float x0 = 16.0f * ui.s() + title_w + 24.0f * ui.s();
  const int pressed = button_bar(ui, ImVec2(x0, pad * 0.75f), tabs, ui.window_size.x * 0.6f);
  if (pressed == 0) ui.post([&d] { d.show_mode(Mode::Session); });
  if (pressed == 1) ui.post([&d] { d.show_mode(Mode::Results); });
  if (pressed == 2) ui.post([&d] { d.show_mode(Mode::Settings); });
  if (pressed == 3) ui.post([&d] { d.show_mode(Mode::Author); });

  // The server's state, right-aligned: where it is and whether it answers.
  const std::string status =
      d.reachable() ? ui.t("teacher.status.connected", {{"server", d.join_host_port()}})
                    : ui.t("teacher.status.unreachable", {{"server", d.join_host_port()}});
  const float sw = measure(ui, ui.fonts.small, status).x;
  const float sx = ui.window_size.x - sw - 20.0f * ui.s();
  const float cy = h * 0.5f;
  ui::fill_circle(dl, ImVec2(sx - 12.0f * ui.s(), cy), 5.0f * ui.s(),
                  d.reachable() ? IM_COL32(58, 170, 110, 255) : IM_COL32(210, 80, 60, 255));
  draw_text(ui, dl, ui.fonts.small, ImVec2(sx, cy - ui.fonts.small->FontSize * 0.5f),
            ui.theme.text_muted, status, 0.0f, "server-status");
  return h;
}

void notice_banner(DashUi& ui, float top) {
  if (ui.d.notice().empty()) return;
  const float w = std::min(ui.window_size.x - 40.0f * ui.s(), 900.0f * ui.s());
  const float x = (ui.window_size.x - w) * 0.5f;
  const float pad = 12.0f * ui.s();
  const float ok_w = 100.0f * ui.s();
  const ImVec2 ts = measure(ui, ui.fonts.body, ui.d.notice(), w - ok_w - 3.0f * pad);
  // After an export: where it went, one click away, under the path.
  const bool open = ui.d.notice_offers_open();
  const float open_h = open ? button_bar_height(ui) + pad : 0.0f;
  const float h = std::max(ts.y + open_h, ui.fonts.body->FontSize + 16.0f * ui.s()) + 2.0f * pad;
  const ImVec2 p(x, top + 8.0f * ui.s());
  ImGui::SetNextWindowPos(p);
  ImGui::SetNextWindowSize(ImVec2(w, h));
  ImGui::Begin("notice", nullptr, kOverlay);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ui::panel(ui, dl, p, ImVec2(p.x + w, p.y + h), ui.theme.calm, ui.theme.panel_border);
  draw_text(ui, dl, ui.fonts.body, ImVec2(p.x + pad, p.y + pad), ui.theme.text, ui.d.notice(),
            w - ok_w - 3.0f * pad, "notice");
  if (open) {
    const std::vector<BarItem> items = {
        {"open-folder", ui.t("teacher.export.open_folder"), ButtonKind::Normal},
        {"open-file", ui.t("teacher.export.open_file"), ButtonKind::Normal}};
    const int pressed =
        button_bar(ui, ImVec2(p.x + pad, p.y + pad + ts.y + pad), items, w - ok_w - 3.0f * pad);
    if (pressed == 0) ui.post([&d = ui.d] { d.open_export_folder(); });
    if (pressed == 1) ui.post([&d = ui.d] { d.open_last_export(); });
  }
  ImGui::SetCursorScreenPos(
      ImVec2(p.x + w - pad - ok_w, p.y + (h - ui.fonts.body->FontSize - 24.0f * ui.s()) * 0.5f));
  if (ui::big_button(ui, "notice-ok", ui.t("teacher.notice.ok"), "", ok_w, ButtonKind::Quiet))
    ui.post([&d = ui.d] { d.dismiss_notice(); });
  ImGui::End();
}

void confirm_dialog(DashUi& ui) {
  Dashboard& d = ui.d;
  if (d.confirm() == Confirm::None) return;
  const bool ending = d.confirm() == Confirm::EndSession;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ui.window_size);
  ImGui::Begin("confirm", nullptr, kOverlay);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(0, 0), ui.window_size, IM_COL32(0, 0, 0, 120));
  const float w = std::min(ui.window_size.x - 80.0f * ui.s(), 720.0f * ui.s());
  const float pad = 24.0f * ui.s();
  const std::string title =
      ui.t(ending ? "teacher.confirm.end.title" : "teacher.confirm.delete.title");
  const std::string body =
      ui.t(ending ? "teacher.confirm.end.body" : "teacher.confirm.delete.body");
  const float th = measure(ui, ui.fonts.title, title, w - 2 * pad).y;
  const float bh = measure(ui, ui.fonts.body, body, w - 2 * pad).y;
  const float h = th + bh + button_bar_height(ui) + 4.0f * pad;
  const ImVec2 a((ui.window_size.x - w) * 0.5f, (ui.window_size.y - h) * 0.5f);
  ui::panel(ui, dl, a, ImVec2(a.x + w, a.y + h), ui.theme.panel, ui.theme.panel_border);
  draw_text(ui, dl, ui.fonts.title, ImVec2(a.x + pad, a.y + pad), ui.theme.text, title, w - 2 * pad,
            "confirm-title");
  draw_text(ui, dl, ui.fonts.body, ImVec2(a.x + pad, a.y + 2 * pad + th), ui.theme.text, body,
            w - 2 * pad, "confirm-body");
  const std::vector<BarItem> items = {
      {"confirm-cancel", ui.t("teacher.confirm.cancel"), ButtonKind::Normal},
      {"confirm-ok", ui.t(ending ? "teacher.confirm.end.ok" : "teacher.confirm.delete.ok"),
       ButtonKind::Primary}};
  const int pressed = button_bar(ui, ImVec2(a.x + pad, a.y + h - pad - button_bar_height(ui)),
                                 items, w - 2 * pad, true);
  if (pressed == 0) ui.post([&d] { d.cancel_confirm(); });
  if (pressed == 1) ui.post([&d] { d.accept_confirm(); });
  ImGui::End();
}

}  // namespace

float button_bar_height(const DashUi& ui) {
  return ui.fonts.body->FontSize + 24.0f * ui.s();
}

int button_bar(DashUi& ui, ImVec2 pos, const std::vector<BarItem>& items, float max_width,
               bool align_right) {
  const float gap = 10.0f * ui.s();
  std::vector<float> widths;
  float total = 0.0f;
  ImFont* font = ui.fonts.body;
  for (ImFont* f : {ui.fonts.body, ui.fonts.small}) {
    // Large text on a small window: the smaller font before giving up.
    font = f;
    widths.clear();
    total = -gap;
    for (const auto& it : items) {
      widths.push_back(measure(ui, f, it.label).x + 32.0f * ui.s());
      total += widths.back() + gap;
    }
    if (total <= max_width) break;
  }
  ui::check_fit(ui, "button-bar", items.empty() ? "" : items.back().label, total, max_width);
  float x = align_right ? pos.x + max_width - total : pos.x;
  int pressed = -1;
  for (std::size_t i = 0; i < items.size(); ++i) {
    ImGui::SetCursorScreenPos(ImVec2(x, pos.y));
    if (!items[i].enabled) ImGui::BeginDisabled();
    if (ui::big_button(ui, items[i].id, items[i].label, "", widths[i], items[i].kind,
                       button_bar_height(ui), font) &&
        items[i].enabled)
      pressed = static_cast<int>(i);
    if (!items[i].enabled) {
      ImGui::EndDisabled();
      // The shared button draws itself in full colour; a veil says it does nothing now.
      const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(ui.theme.background);
      ImGui::GetWindowDrawList()->AddRectFilled(
          ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
          ImGui::ColorConvertFloat4ToU32(ImVec4(bg.x, bg.y, bg.z, 0.6f)));
    }
    x += widths[i] + gap;
  }
  return pressed;
}

void draw_dashboard(DashUi& ui) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ui.window_size);
  ImGui::Begin("dashboard", nullptr, kFullWindow);
  const float top = top_bar(ui);
  const ImVec2 a(0, top);
  const ImVec2 b = ui.window_size;
  Dashboard& d = ui.d;
  switch (d.mode()) {
    case Mode::Results: draw_results(ui, a, b); break;
    case Mode::Settings: draw_settings(ui, a, b); break;
    case Mode::Author: draw_author(ui, a, b); break;
    case Mode::Session:
      switch (d.screen()) {
        case Screen::Setup: draw_setup(ui, a, b); break;
        case Screen::Lobby: draw_lobby(ui, a, b); break;
        case Screen::Live: draw_live(ui, a, b); break;
        case Screen::Debrief: draw_debrief(ui, a, b); break;
      }
      break;
  }
  ImGui::End();
  if (d.mode() == Mode::Author) draw_author_recovery(ui);
  notice_banner(ui, top);
  confirm_dialog(ui);
}

}  // namespace upstander::dashboard
