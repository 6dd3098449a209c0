// Colours and sizes for the normal and high-contrast looks. Calm, warm colours: this topic
// is not a game show.
#pragma once

#include <imgui.h>

namespace upstander::ui {

struct Theme {
  ImU32 background, panel, panel_border, text, text_muted, accent, accent_text;
  ImU32 button, button_hover, button_text, button_border, focus_ring, hint_bg, hint_text;
  ImU32 phone_frame, phone_screen, status_text, header_bg, header_text;
  ImU32 bubble_mine, bubble_mine_text, bubble_other, bubble_other_text, name_text, time_text;
  ImU32 card, card_text, card_border, excuse, answer, fact, calm, badge, badge_text, banner, ripple;
  // A thought that gets in the way: warm and soft, its own colour (never the excuse's).
  ImU32 thought, thought_mark;
  float rounding = 10.0f;
  bool high_contrast = false;
};

Theme make_theme(bool high_contrast);
// Sets Dear ImGui's own colours (scroll bars, sliders, checkboxes) to match.
void apply_imgui_style(const Theme& t, float scale);

// A character's avatar colour ("#7c6fd6"), or a neutral one when it has none.
ImU32 parse_color(const char* hex, ImU32 fallback);
ImU32 mix(ImU32 a, ImU32 b, float t);

}  // namespace upstander::ui
