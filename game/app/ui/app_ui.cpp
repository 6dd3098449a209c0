// The frame: a top bar with help always one click away (and the break, skip and leave
// buttons while a scenario is on), the current screen, a notice, any overlay, and in
// class the status line at the foot.
#include <algorithm>
#include <string>

#include "key_input.hpp"
#include "screens.hpp"
#include "upstander/ui/shapes.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/ui/widgets.hpp"

namespace upstander::app {

namespace {

constexpr ImGuiWindowFlags kFullWindow =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;

struct BarButton {
  const char* id;
  std::string label;
  std::string_view key;
  std::function<void()> action;
  ui::ButtonKind kind = ui::ButtonKind::Quiet;
};

float bar_button_width(const Ui& ui, const BarButton& b, bool with_key) {
  return ui::measure(ui, ui.fonts.small, b.label).x +
         (b.key.empty() || !with_key ? 0.0f
                                     : ui::measure(ui, ui.fonts.small, b.key).x + 32.0f * ui.s()) +
         28.0f * ui.s();
}

float top_bar(Ui& ui) {
  AppModel& m = ui.m;
  const float pad = 8.0f * ui.s();
  std::vector<BarButton> buttons;
  const Screen s = m.screen();
  const bool in_story = m.runner() && (s == Screen::Play || s == Screen::Reflection);
  if (m.runner() || s == Screen::PreSurvey || s == Screen::PostSurvey) {
    buttons.push_back({"pause", ui.t("game.bar.pause"), hint::kPause, [&m] { m.pause(); }});
  }
  if (in_story) buttons.push_back({"skip", ui.t("game.bar.skip"), hint::kSkip, [&m] { m.skip(); }});
  if (m.runner() && s != Screen::Finish) {
    buttons.push_back({"leave", ui.t("game.bar.leave"), hint::kLeave, [&m] { m.request_leave(); }});
  }
  // Read-aloud's "again", for a finger (R on a keyboard), where there is something to read.
  const bool readable =
      in_story || s == Screen::Debrief || s == Screen::PreSurvey || s == Screen::PostSurvey;
  if (m.read_aloud_active() && readable) {
    buttons.push_back(
        {"repeat", ui.t("game.bar.repeat"), hint::kRepeat, [&m] { m.repeat_line(); }});
  }
  buttons.push_back({"settings", ui.t("game.bar.settings"), "", [&m] { m.open_settings(); }});
  buttons.push_back({"help", ui.t("game.bar.help"), hint::kHelp, [&m] { m.open_help(); },
                     ui::ButtonKind::Primary});

  // Right-aligned, each as wide as its label needs. On a phone's narrow screen the key
  // badges go (a touch screen has no keys), the buttons grow to a finger's 44 px and the
  // game's name gives way when they still need the room.
  const float title_w = ui::measure(ui, ui.fonts.body, ui.t("game.app.name")).x;
  auto total_width = [&](bool with_keys) {
    float total = 0.0f;
    for (const auto& b : buttons) total += bar_button_width(ui, b, with_keys) + pad;
    return total;
  };
  const bool narrow = total_width(true) + title_w + 32.0f * ui.s() > ui.window_size.x;
  // Still too wide (a phone held upright, in a story): the buttons wrap onto more rows, so
  // the break, skip and leave are always on screen.
  const float avail = ui.window_size.x - 16.0f * ui.s();
  std::vector<std::vector<std::size_t>> rows(1);
  std::vector<float> row_width(1, 0.0f);
  for (std::size_t i = 0; i < buttons.size(); ++i) {
    const float w = bar_button_width(ui, buttons[i], !narrow) + pad;
    if (!rows.back().empty() && row_width.back() + w - pad > avail) {
      rows.emplace_back();
      row_width.push_back(0.0f);
    }
    rows.back().push_back(i);
    row_width.back() += w;
  }
  const bool show_title =
      rows.size() == 1 && row_width[0] + title_w + 32.0f * ui.s() <= ui.window_size.x;
  float row_h = ui.fonts.small->FontSize + 26.0f * ui.s();
  if (narrow) row_h = std::max(row_h, 44.0f + 1.5f * pad);
  const float step = row_h - 0.75f * pad;
  const float h = static_cast<float>(rows.size()) * step + 0.75f * pad;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ui::fill_rounded(dl, ImVec2(0, 0), ImVec2(ui.window_size.x, h), ui.theme.panel);
  ui::fill_rounded(dl, ImVec2(0, h - 1.0f), ImVec2(ui.window_size.x, h), ui.theme.panel_border);
  if (show_title) {
    ui::draw_text(ui, dl, ui.fonts.body,
                  ImVec2(16.0f * ui.s(), (h - ui.fonts.body->FontSize) * 0.5f), ui.theme.accent,
                  ui.t("game.app.name"), 0.0f, "app-name");
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const float row_total = row_width[r];
    ui::check_fit(ui, "top-bar", ui.t("game.bar.help"),
                  row_total + (!narrow && rows.size() == 1 ? title_w + 32.0f * ui.s() : 0.0f),
                  ui.window_size.x);
    float x = ui.window_size.x - row_total - 8.0f * ui.s();
    for (std::size_t i : rows[r]) {
      const BarButton& b = buttons[i];
      const float w = bar_button_width(ui, b, !narrow);
      ImGui::SetCursorScreenPos(ImVec2(x, pad * 0.75f + static_cast<float>(r) * step));
      if (ui::big_button(ui, b.id, b.label, narrow ? std::string_view() : b.key, w, b.kind,
                         row_h - 1.5f * pad, ui.fonts.small)) {
        ui.post(b.action);
      }
      x += w + pad;
    }
  }
  return h;
}

// The notice ("welcome back") above the screen, never over it; returns the height it takes.
float notice_banner(Ui& ui, ImVec2 a, float width) {
  if (ui.m.notice().empty()) return 0.0f;
  const std::string text = ui.t(ui.m.notice());
  const float w = std::min(width - 32.0f, 760.0f * ui.s());
  const float x = a.x + (width - w) * 0.5f;
  const float pad = 12.0f * ui.s();
  const float ok_w = 90.0f * ui.s();
  const ImVec2 ts = ui::measure(ui, ui.fonts.body, text, w - ok_w - 3.0f * pad);
  const float h = std::max(ts.y, ui.fonts.body->FontSize + 16.0f * ui.s()) + 2.0f * pad;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p(x, a.y + 8.0f * ui.s());
  ui::panel(ui, dl, p, ImVec2(p.x + w, p.y + h), ui.theme.calm, ui.theme.panel_border);
  ui::draw_text(ui, dl, ui.fonts.body, ImVec2(p.x + pad, p.y + pad), ui.theme.text, text,
                w - ok_w - 3.0f * pad, "notice");
  ImGui::SetCursorScreenPos(
      ImVec2(p.x + w - pad - ok_w, p.y + (h - ui.fonts.body->FontSize - 24.0f * ui.s()) * 0.5f));
  if (ui::big_button(ui, "notice-ok", ui.t("game.notice.ok"), "", ok_w, ui::ButtonKind::Quiet)) {
    ui.post([&m = ui.m] { m.dismiss_notice(); });
  }
  return h + 8.0f * ui.s();
}

void draw_screen(Ui& ui, ImVec2 a, ImVec2 b) {
  switch (ui.m.screen()) {
    case Screen::Language: draw_language(ui, a, b); break;
    case Screen::Mode: draw_mode(ui, a, b); break;
    case Screen::Join: draw_join(ui, a, b); break;
    case Screen::ClassWelcome: draw_class_welcome(ui, a, b); break;
    case Screen::Picker: draw_picker(ui, a, b); break;
    case Screen::ContentNote: draw_content_note(ui, a, b); break;
    case Screen::PreSurvey:
    case Screen::PostSurvey: draw_survey(ui, a, b); break;
    case Screen::Play: draw_play(ui, a, b); break;
    case Screen::Reflection: draw_reflection(ui, a, b); break;
    case Screen::Debrief: draw_debrief(ui, a, b); break;
    case Screen::Finish: draw_finish(ui, a, b); break;
  }
}

}  // namespace

void draw_app(Ui& ui) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ui.window_size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  // The background is the renderer's clear colour (a memset), not a blended full-window quad.
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0));
  ImGui::Begin("upstander", nullptr, kFullWindow);
  const bool overlay = ui.m.overlay() != Overlay::None;
  const bool activate = ui.focus.activate;
  if (overlay) ui.focus.activate = false;  // keys belong to the overlay
  const float bar = top_bar(ui);
  const float status = class_status_bar(ui);
  const float foot = status + key_footer(ui, ui.window_size.y - status);
  const ImVec2 a(0, bar);
  const ImVec2 b(ui.window_size.x, ui.window_size.y - foot);
  ImGui::SetCursorScreenPos(a);
  const float notice = notice_banner(ui, a, ui.window_size.x);
  draw_screen(ui, ImVec2(a.x, a.y + notice), b);
  ImGui::End();

  if (overlay) {
    ui.focus.order.clear();
    ui.focus.activate = activate;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ui.window_size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0));
    ImGui::Begin("overlay", nullptr, kFullWindow & ~ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::SetWindowFocus();
    switch (ui.m.overlay()) {
      case Overlay::Help: draw_help_overlay(ui, a, b); break;
      case Overlay::Settings: draw_settings_overlay(ui, a, b); break;
      case Overlay::Pause: draw_pause_overlay(ui, ImVec2(0, 0), b); break;
      case Overlay::ConfirmLeave: draw_leave_overlay(ui, a, b); break;
      case Overlay::None: break;
    }
    ImGui::End();
    ImGui::PopStyleColor();
  }
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
}

}  // namespace upstander::app
