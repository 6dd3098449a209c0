// Buttons, cards and panels.
#include "upstander/ui/widgets.hpp"
#include "upstander/ui/shapes.hpp"

#include <algorithm>
#include <cmath>

#include "upstander/ui/text_draw.hpp"

namespace upstander::ui {

namespace {

constexpr float kPad = 12.0f;

float key_badge_width(const DrawContext& ui, std::string_view key) {
  if (key.empty()) return 0.0f;
  return std::max(measure(ui, ui.fonts.small, key).x + 12.0f * ui.s(), 26.0f * ui.s()) +
         10.0f * ui.s();
}

}  // namespace

float button_height(const DrawContext& ui, std::string_view label, std::string_view key,
                    float width, ImFont* font) {
  ImFont* f = font ? font : ui.fonts.body;
  const float pad = kPad * ui.s();
  const float text_w = width - 2.0f * pad - key_badge_width(ui, key);
  const ImVec2 size = measure(ui, f, label, std::max(10.0f, text_w));
  return std::max(size.y + 2.0f * pad, f->FontSize + 2.0f * pad + 4.0f);
}

namespace {

// A pressable area in the focus ring's order: a click or the ring's activation key presses it.
struct FocusableHit {
  ImVec2 pos;
  bool has_focus = false;
  bool pressed = false;
};

FocusableHit focusable_button(DrawContext& ui, const char* id, ImVec2 size) {
  FocusableHit hit;
  hit.pos = ImGui::GetCursorScreenPos();
  const ImGuiID gid = ImGui::GetID(id);  // the same id InvisibleButton uses
  const bool clicked = ImGui::InvisibleButton(id, size);
  ui.focus.order.push_back(gid);
  if (clicked) {
    ui.focus.focused = gid;
    ui.focus.visible = false;
  }
  hit.has_focus = ui.focus.visible && ui.focus.focused == gid;
  hit.pressed = clicked;
  if (hit.has_focus && ui.focus.activate && !ui.focus.activated) {
    ui.focus.activated = true;
    hit.pressed = true;
  }
  return hit;
}

}  // namespace

bool big_button(DrawContext& ui, const char* id, std::string_view label, std::string_view key,
                float width, ButtonKind kind, float min_height, ImFont* font) {
  ImFont* f = font ? font : ui.fonts.body;
  const float h = std::max(min_height, button_height(ui, label, key, width, f));
  const FocusableHit hit = focusable_button(ui, id, ImVec2(width, h));
  const ImVec2 pos = hit.pos;
  const bool has_focus = hit.has_focus;
  const bool pressed = hit.pressed;
  const bool hovered = ImGui::IsItemHovered();
  const Theme& t = ui.theme;
  const ImU32 quiet = t.high_contrast ? t.button : t.hint_bg;
  ImU32 fill =
      kind == ButtonKind::Primary ? t.accent : (kind == ButtonKind::Quiet ? quiet : t.button);
  ImU32 text = kind == ButtonKind::Primary ? t.accent_text : t.button_text;
  if (hovered) fill = kind == ButtonKind::Primary ? mix(t.accent, t.text, 0.15f) : t.button_hover;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 end(pos.x + width, pos.y + h);
  if (ui.controls) ui.controls->add(label, key, pos, end);
  fill_rounded(dl, pos, end, fill, t.rounding, 0, false);
  dl->AddRect(pos, end, kind == ButtonKind::Primary ? t.accent : t.button_border, t.rounding, 0,
              1.5f);
  if (has_focus) {
    dl->AddRect(ImVec2(pos.x - 3, pos.y - 3), ImVec2(end.x + 3, end.y + 3), t.focus_ring,
                t.rounding + 2, 0, 3.0f);
  }
  const float pad = kPad * ui.s();
  float x = pos.x + pad;
  if (!key.empty()) {
    const ImVec2 ks = measure(ui, ui.fonts.small, key);
    const float bw = std::max(ks.x + 12.0f * ui.s(), 26.0f * ui.s());
    const float bh = ui.fonts.small->FontSize + 8.0f * ui.s();
    const ImVec2 ba(x, pos.y + (h - bh) * 0.5f);
    fill_rounded(dl, ba, ImVec2(ba.x + bw, ba.y + bh),
                 kind == ButtonKind::Primary ? t.accent_text : t.hint_bg, 5.0f);
    if (t.high_contrast) dl->AddRect(ba, ImVec2(ba.x + bw, ba.y + bh), t.button_border, 5.0f);
    draw_text(ui, dl, ui.fonts.small, ImVec2(ba.x + (bw - ks.x) * 0.5f, ba.y + 4.0f * ui.s()),
              kind == ButtonKind::Primary ? t.accent : t.hint_text, key, 0.0f, "button-key");
    x += bw + 10.0f * ui.s();
  }
  const float text_w = pos.x + width - pad - x;
  const ImVec2 ts = measure(ui, f, label, text_w);
  draw_text(ui, dl, f, ImVec2(x, pos.y + (h - ts.y) * 0.5f), text, label, text_w, id, h - pad);
  return pressed;
}

bool card_button(DrawContext& ui, const char* id, const CardText& c, std::string_view key,
                 float width) {
  const float pad = 16.0f * ui.s();
  const float badge = key.empty() ? 0.0f : 40.0f * ui.s();
  const float inner = width - 2.0f * pad - badge;
  const float th = measure(ui, ui.fonts.title, c.title, inner).y;
  const float mh = ui.fonts.small->FontSize + 6.0f * ui.s();
  const float sh = measure(ui, ui.fonts.body, c.summary, inner).y;
  const float nh = measure(ui, ui.fonts.small, c.note, inner).y;
  const float h = th + mh + sh + nh + 2.0f * pad + 14.0f * ui.s();
  const FocusableHit hit = focusable_button(ui, id, ImVec2(width, h));
  const ImVec2 pos = hit.pos;
  const bool has_focus = hit.has_focus;
  const bool pressed = hit.pressed;
  const Theme& t = ui.theme;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 end(pos.x + width, pos.y + h);
  if (ui.controls) ui.controls->add(c.title, key, pos, end);
  fill_rounded(dl, pos, end, ImGui::IsItemHovered() ? t.button_hover : t.card, t.rounding * 1.4f, 0,
               false);
  dl->AddRect(pos, end, t.button_border, t.rounding * 1.4f, 0, 1.5f);
  if (has_focus)
    dl->AddRect(ImVec2(pos.x - 3, pos.y - 3), ImVec2(end.x + 3, end.y + 3), t.focus_ring,
                t.rounding + 3, 0, 3.0f);
  if (!key.empty()) {
    const float bw = 28.0f * ui.s();
    const ImVec2 ba(pos.x + pad, pos.y + pad);
    fill_rounded(dl, ba, ImVec2(ba.x + bw, ba.y + bw), t.hint_bg, 5.0f);
    const ImVec2 ks = measure(ui, ui.fonts.body, key);
    draw_text(ui, dl, ui.fonts.body, ImVec2(ba.x + (bw - ks.x) * 0.5f, ba.y + (bw - ks.y) * 0.5f),
              t.hint_text, key, 0.0f, "card-key");
  }
  const float x = pos.x + pad + badge;
  float y = pos.y + pad;
  y +=
      draw_text(ui, dl, ui.fonts.title, ImVec2(x, y), t.card_text, c.title, inner, "card-title").y +
      4.0f * ui.s();
  draw_text(ui, dl, ui.fonts.small, ImVec2(x, y), t.accent, c.meta, 0.0f, "card-meta", 0.0f, inner);
  y += mh;
  y += draw_text(ui, dl, ui.fonts.body, ImVec2(x, y), t.card_text, c.summary, inner, "card-summary")
           .y +
       10.0f * ui.s();
  draw_text(ui, dl, ui.fonts.small, ImVec2(x, y), t.text_muted, c.note, inner, "card-note");
  return pressed;
}

void panel(DrawContext& ui, ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 fill, ImU32 border) {
  fill_rounded(dl, a, b, fill, ui.theme.rounding * 1.4f, 0, false);
  dl->AddRect(a, b, border, ui.theme.rounding * 1.4f, 0, ui.theme.high_contrast ? 2.0f : 1.0f);
}

}  // namespace upstander::ui
