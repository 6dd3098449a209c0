// The two looks, and colour helpers.
#include "upstander/ui/theme.hpp"

#include <cstdlib>
#include <cstring>

namespace upstander::ui {

namespace {

constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) {
  return IM_COL32(r, g, b, 255);
}

}  // namespace

Theme make_theme(bool high_contrast) {
  Theme t;
  t.high_contrast = high_contrast;
  if (!high_contrast) {
    t.background = rgb(236, 240, 244);
    t.panel = rgb(255, 255, 255);
    t.panel_border = rgb(208, 214, 222);
    t.text = rgb(33, 37, 45);
    t.text_muted = rgb(92, 99, 112);
    t.accent = rgb(46, 108, 164);
    t.accent_text = rgb(255, 255, 255);
    t.button = rgb(255, 255, 255);
    t.button_hover = rgb(226, 236, 247);
    t.button_text = rgb(33, 37, 45);
    t.button_border = rgb(160, 176, 196);
    t.focus_ring = rgb(230, 140, 30);
    t.hint_bg = rgb(229, 233, 240);
    t.hint_text = rgb(60, 66, 78);
    t.phone_frame = rgb(38, 42, 52);
    t.phone_screen = rgb(246, 247, 249);
    t.status_text = rgb(40, 44, 52);
    t.header_bg = rgb(255, 255, 255);
    t.header_text = rgb(30, 34, 42);
    t.bubble_mine = rgb(255, 226, 94);
    t.bubble_mine_text = rgb(30, 30, 30);
    t.bubble_other = rgb(255, 255, 255);
    t.bubble_other_text = rgb(30, 34, 42);
    t.name_text = rgb(80, 86, 98);
    t.time_text = rgb(120, 126, 138);
    t.card = rgb(255, 255, 255);
    t.card_text = rgb(33, 37, 45);
    t.card_border = rgb(214, 219, 227);
    t.excuse = rgb(253, 236, 220);
    t.thought = rgb(255, 246, 212);
    t.thought_mark = rgb(226, 160, 58);
    t.answer = rgb(224, 242, 232);
    t.fact = rgb(228, 236, 250);
    t.calm = rgb(214, 230, 226);
    t.badge = rgb(220, 64, 52);
    t.badge_text = rgb(255, 255, 255);
    t.banner = rgb(250, 250, 252);
    t.ripple = rgb(214, 96, 80);
  } else {
    t.background = rgb(0, 0, 0);
    t.panel = rgb(0, 0, 0);
    t.panel_border = rgb(255, 255, 255);
    t.text = rgb(255, 255, 255);
    t.text_muted = rgb(235, 235, 235);
    t.accent = rgb(255, 230, 0);
    t.accent_text = rgb(0, 0, 0);
    t.button = rgb(0, 0, 0);
    t.button_hover = rgb(40, 40, 80);
    t.button_text = rgb(255, 255, 255);
    t.button_border = rgb(255, 255, 255);
    t.focus_ring = rgb(0, 255, 255);
    t.hint_bg = rgb(255, 255, 255);
    t.hint_text = rgb(0, 0, 0);
    t.phone_frame = rgb(255, 255, 255);
    t.phone_screen = rgb(0, 0, 0);
    t.status_text = rgb(255, 255, 255);
    t.header_bg = rgb(0, 0, 0);
    t.header_text = rgb(255, 255, 255);
    t.bubble_mine = rgb(255, 230, 0);
    t.bubble_mine_text = rgb(0, 0, 0);
    t.bubble_other = rgb(255, 255, 255);
    t.bubble_other_text = rgb(0, 0, 0);
    t.name_text = rgb(255, 255, 255);
    t.time_text = rgb(235, 235, 235);
    t.card = rgb(0, 0, 0);
    t.card_text = rgb(255, 255, 255);
    t.card_border = rgb(255, 255, 255);
    t.excuse = rgb(60, 30, 0);
    t.thought = rgb(50, 40, 0);
    t.thought_mark = rgb(255, 200, 90);
    t.answer = rgb(0, 50, 20);
    t.fact = rgb(0, 20, 70);
    t.calm = rgb(0, 30, 40);
    t.badge = rgb(255, 80, 80);
    t.badge_text = rgb(0, 0, 0);
    t.banner = rgb(20, 20, 20);
    t.ripple = rgb(255, 140, 120);
    t.rounding = 6.0f;
  }
  return t;
}

void apply_imgui_style(const Theme& t, float scale) {
  ImGuiStyle style;
  style.ScrollbarSize = 16.0f * scale;
  style.ScrollbarRounding = 8.0f;
  style.FrameRounding = 6.0f;
  style.GrabMinSize = 18.0f * scale;
  style.WindowBorderSize = 0.0f;
  style.FramePadding = ImVec2(8.0f * scale, 6.0f * scale);
  style.ItemSpacing = ImVec2(10.0f * scale, 10.0f * scale);
  ImVec4* c = style.Colors;
  const auto v = [](ImU32 col) { return ImGui::ColorConvertU32ToFloat4(col); };
  c[ImGuiCol_Text] = v(t.text);
  c[ImGuiCol_WindowBg] = v(t.background);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarBg] = v(mix(t.panel, t.panel_border, 0.3f));
  c[ImGuiCol_ScrollbarGrab] = v(t.button_border);
  c[ImGuiCol_ScrollbarGrabHovered] = v(t.accent);
  c[ImGuiCol_ScrollbarGrabActive] = v(t.accent);
  c[ImGuiCol_FrameBg] = v(t.hint_bg);
  c[ImGuiCol_FrameBgHovered] = v(t.button_hover);
  c[ImGuiCol_FrameBgActive] = v(t.button_hover);
  c[ImGuiCol_CheckMark] = v(t.accent);
  c[ImGuiCol_SliderGrab] = v(t.accent);
  c[ImGuiCol_SliderGrabActive] = v(t.accent);
  c[ImGuiCol_NavHighlight] = v(t.focus_ring);
  ImGui::GetStyle() = style;
}

ImU32 parse_color(const char* hex, ImU32 fallback) {
  if (!hex || std::strlen(hex) != 7 || hex[0] != '#') return fallback;
  char* end = nullptr;
  const unsigned long v = std::strtoul(hex + 1, &end, 16);
  if (!end || *end != '\0') return fallback;
  return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, 255);
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
  const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a);
  const ImVec4 y = ImGui::ColorConvertU32ToFloat4(b);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t,
                                               x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

}  // namespace upstander::ui
