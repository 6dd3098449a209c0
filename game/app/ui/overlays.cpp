// Overlays over any screen: help (F1), settings, the calm pause screen, and leaving.
#include <algorithm>
#include <string>

#include "help_view.hpp"
#include "key_input.hpp"
#include "help_list.hpp"
#include "upstander/ui/layout.hpp"
#include "upstander/ui/row_anchor.hpp"
#include "screens.hpp"
#include "upstander/ui/shapes.hpp"
#include "upstander/ui/text_draw.hpp"

namespace upstander::app {

namespace {

// A centred panel over a dimmed window; returns its inner rectangle.
void overlay_panel(Ui& ui, ImVec2 a, ImVec2 b, float max_w, ImU32 fill, ImVec2& pa, ImVec2& pb) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ui::fill_rounded(dl, a, b, IM_COL32(20, 24, 32, 150));
  const float w = std::min(max_w * ui.s(), b.x - a.x - 32.0f);
  const float margin = 20.0f * ui.s();
  pa = ImVec2(a.x + (b.x - a.x - w) * 0.5f, a.y + margin);
  pb = ImVec2(pa.x + w, b.y - margin);
  ui::panel(ui, dl, pa, pb, fill, ui.theme.panel_border);
}

}  // namespace

void draw_help_overlay(Ui& ui, ImVec2 a, ImVec2 b) {
  ImVec2 pa, pb;
  overlay_panel(ui, a, b, 820.0f, ui.theme.panel, pa, pb);
  const float pad = 18.0f * ui.s();
  if (ui::begin_region("help", ImVec2(pa.x + pad, pa.y + pad),
                       ImVec2(pb.x - pad * 0.5f, pb.y - pad))) {
    ui::Column col(ui, pb.x - pa.x - 2.0f * pad);
    col.title(ui.t("game.help.title"), "help-title");
    col.text(ui.t("game.help.not_your_fault"), "help-intro");
    const HelpView help = ui.m.help_overlay();
    const std::string where = help.from_fallback
                                  ? ui.t("game.help.fallback_note")
                                  : ui.t("game.help.country", {{"country", help.country_name}});
    col.text(where, "help-country", ui.theme.text_muted, ui.fonts.small);
    const int pressed =
        col.button_row("help-actions", {ui.t("game.help.close"), ui.t("game.help.change_country")},
                       {std::string(hint::kPause), ""}, ui::ButtonKind::Quiet);
    if (pressed == 0) ui.post([&m = ui.m] { m.close_overlay(); });
    // Another country changes this list only: endings keep the student's own (issue 14).
    if (pressed == 1) ui.post([&m = ui.m] { m.help_next_country(); });
    help_list(ui, col, help);
    col.text(ui.t("game.help.if_sent_to_you"), "help-sent");
  }
  ui::end_region();
}

void draw_settings_overlay(Ui& ui, ImVec2 a, ImVec2 b) {
  ImVec2 pa, pb;
  overlay_panel(ui, a, b, 720.0f, ui.theme.panel, pa, pb);
  const float pad = 18.0f * ui.s();
  if (!ui::begin_region("settings", ImVec2(pa.x + pad, pa.y + pad),
                        ImVec2(pb.x - pad * 0.5f, pb.y - pad)))
    return ui::end_region();
  // Language and text size change the height of what is above them: their rows stay put.
  ui::RowAnchor anchor;
  ImGui::SetCursorPosY(ImGui::GetCursorPosY() + anchor.top_pad());
  {
    ui::Column col(ui, pb.x - pa.x - 2.0f * pad);
    const Settings cur = ui.m.settings();
    col.title(ui.t("game.settings.title"), "settings-title");
    auto apply = [&ui](Settings s) { ui.post([&m = ui.m, s] { m.update_settings(s); }); };

    col.text(ui.t("game.settings.language"), "settings-language", ui.theme.text_muted,
             ui.fonts.small);
    std::vector<std::string> names, keys;
    const auto langs = ui_languages(ui.m.library());
    for (const auto* l : langs) {
      names.push_back((l->locale == cur.language ? std::string(hint::kCurrent) + " " : "") +
                      l->name);
      keys.push_back("");
    }
    const float lang_y = col.y();
    const int lang_pressed = col.button_row("lang", names, keys);
    anchor.track(ImGui::GetID("lang"), lang_y, lang_pressed >= 0);
    if (const int p = lang_pressed; p >= 0) {
      Settings s = cur;
      s.language = langs[static_cast<std::size_t>(p)]->locale;
      apply(s);
    }

    col.text(ui.t("game.settings.text_size"), "settings-size", ui.theme.text_muted, ui.fonts.small);
    std::vector<std::string> sizes;
    for (int i = 0; i < kTextSizeSteps; ++i) {
      sizes.push_back((i == cur.text_size ? std::string(hint::kCurrent) + " " : "") +
                      ui.t("game.settings.size." + std::to_string(i)));
    }
    const float size_y = col.y();
    const int size_pressed = col.button_row("size", sizes, std::vector<std::string>(sizes.size()));
    anchor.track(ImGui::GetID("size"), size_y, size_pressed >= 0);
    if (const int p = size_pressed; p >= 0) {
      Settings s = cur;
      s.text_size = p;
      apply(s);
    }

    const auto on_off = [&ui](bool on) {
      return ui.t(on ? "game.settings.on" : "game.settings.off");
    };
    if (col.button("contrast",
                   ui.t("game.settings.high_contrast", {{"state", on_off(cur.high_contrast)}}),
                   "")) {
      Settings s = cur;
      s.high_contrast = !s.high_contrast;
      apply(s);
    }
    if (col.button("motion",
                   ui.t("game.settings.reduce_motion", {{"state", on_off(cur.reduce_motion)}}),
                   "")) {
      Settings s = cur;
      s.reduce_motion = !s.reduce_motion;
      apply(s);
    }
    // Offered only where this device has a voice for the language (browsers load theirs
    // after the page; the native game has none).
    if (ui.m.voice_available()) {
      if (col.button("read-aloud",
                     ui.t("game.settings.read_aloud", {{"state", on_off(cur.read_aloud)}}), "")) {
        Settings s = cur;
        s.read_aloud = !s.read_aloud;
        apply(s);
      }
      col.text(ui.t("game.settings.read_aloud_hint"), "settings-read-aloud-hint",
               ui.theme.text_muted, ui.fonts.small);
    }
    col.text(ui.t("game.settings.pace"), "settings-pace", ui.theme.text_muted, ui.fonts.small);
    std::vector<std::string> paces;
    for (int i = 0; i < 3; ++i) {
      paces.push_back((i == cur.pace ? std::string(hint::kCurrent) + " " : "") +
                      ui.t("game.settings.pace." + std::to_string(i)));
    }
    if (const int p = col.button_row("pace", paces, std::vector<std::string>(paces.size()));
        p >= 0) {
      Settings s = cur;
      s.pace = p;
      apply(s);
    }
    if (col.button("close", ui.t("game.settings.close"), hint::kPause, ui::ButtonKind::Primary)) {
      ui.post([&m = ui.m] { m.close_overlay(); });
    }
  }
  anchor.finish();
  ui::end_region();
}

void draw_pause_overlay(Ui& ui, ImVec2 a, ImVec2 b) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ui::fill_rounded(dl, a, b, ui.theme.calm);
  // A slow, quiet circle: no countdown, no timer.
  const ImVec2 c((a.x + b.x) * 0.5f, a.y + 90.0f * ui.s());
  ui::fill_circle(dl, c, 46.0f * ui.s(), ui::mix(ui.theme.calm, ui.theme.panel, 0.5f));
  dl->AddCircle(c, 46.0f * ui.s(), ui::mix(ui.theme.calm, ui.theme.text_muted, 0.3f), 64, 2.0f);
  if (!ui::begin_region("pause", ImVec2(a.x, a.y + 150.0f * ui.s()), b)) return ui::end_region();
  {
    ui::Column col(ui, 600.0f * ui.s());
    col.title(ui.t("game.pause.title"), "pause-title");
    col.text(ui.t("game.pause.text"), "pause-text");
    col.space(6);
    if (col.button("resume", ui.t("game.pause.resume"), hint::kPause, ui::ButtonKind::Primary)) {
      ui.post([&m = ui.m] { m.resume(); });
    }
    const Screen s = ui.m.screen();
    const bool playing = ui.m.runner() && (s == Screen::Play || s == Screen::Reflection);
    if (playing && col.button("skip", ui.t("game.pause.skip"), hint::kSkip))
      ui.post([&m = ui.m] { m.skip(); });
    if (ui.m.runner() && col.button("leave", ui.t("game.pause.leave"), hint::kLeave)) {
      ui.post([&m = ui.m] { m.request_leave(); });
    }
    if (col.button("help", ui.t("game.pause.help"), hint::kHelp))
      ui.post([&m = ui.m] { m.open_help(); });
  }
  ui::end_region();
}

void draw_leave_overlay(Ui& ui, ImVec2 a, ImVec2 b) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ui::fill_rounded(dl, a, b, IM_COL32(20, 24, 32, 150));
  const float w = std::min(620.0f * ui.s(), b.x - a.x - 32.0f);
  const float x = a.x + (b.x - a.x - w) * 0.5f;
  if (!ui::begin_region("leave", ImVec2(x, a.y + 40.0f * ui.s()), ImVec2(x + w, b.y)))
    return ui::end_region();
  {
    ui::Column col(ui, w);
    const float top = col.y();
    // Panel drawn behind the content with the height it ends up needing (one frame late
    // is fine: the content does not change while the overlay is open).
    static float last_h = 300.0f;
    ui::panel(ui, ImGui::GetWindowDrawList(), ImVec2(col.x() - 1, top),
              ImVec2(col.x() + w, top + last_h), ui.theme.panel, ui.theme.panel_border);
    ui::Column inner(ui, w - 40.0f * ui.s());
    inner.space(20);
    const Runner* r = ui.m.runner();
    const bool stuck = r && !r->can_skip() && !r->at_ending();
    inner.title(ui.t("game.leave.title"), "leave-title");
    if (stuck) inner.text(ui.t("game.leave.cannot_skip"), "leave-cannot-skip");
    inner.text(ui.t("game.leave.text"), "leave-text");
    const int p = inner.button_row("leave", {ui.t("game.leave.confirm"), ui.t("game.leave.stay")},
                                   {"1", "2"});
    if (p == 0) ui.post([&m = ui.m] { m.confirm_leave(); });
    if (p == 1) ui.post([&m = ui.m] { m.close_overlay(); });
    last_h = inner.y() - top + 10.0f * ui.s();
  }
  ui::end_region();
}

}  // namespace upstander::app
