// Buttons, avatars and image cards.
#include "widgets.hpp"
#include "shapes.hpp"

#include <algorithm>
#include <cmath>

#include "text_draw.hpp"
#include "upstander/utf8.hpp"

namespace upstander::app {

namespace {

constexpr float kPad = 12.0f;

float key_badge_width(const DrawContext& ui, std::string_view key) {
  if (key.empty()) return 0.0f;
  return std::max(measure(ui, ui.fonts.small, key).x + 12.0f * ui.s(), 26.0f * ui.s()) +
         10.0f * ui.s();
}

}  // namespace

float button_height(const DrawContext& ui, std::string_view label, std::string_view key, float width,
                    ImFont* font) {
  ImFont* f = font ? font : ui.fonts.body;
  const float pad = kPad * ui.s();
  const float text_w = width - 2.0f * pad - key_badge_width(ui, key);
  const ImVec2 size = measure(ui, f, label, std::max(10.0f, text_w));
  return std::max(size.y + 2.0f * pad, f->FontSize + 2.0f * pad + 4.0f);
}

bool big_button(DrawContext& ui, const char* id, std::string_view label, std::string_view key, float width,
                ButtonKind kind, float min_height, ImFont* font) {
  ImFont* f = font ? font : ui.fonts.body;
  const float h = std::max(min_height, button_height(ui, label, key, width, f));
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImGuiID gid = ImGui::GetID(id);  // the same id InvisibleButton uses
  const bool clicked = ImGui::InvisibleButton(id, ImVec2(width, h));
  ui.focus.order.push_back(gid);
  if (clicked) {
    ui.focus.focused = gid;
    ui.focus.visible = false;
  }
  const bool has_focus = ui.focus.visible && ui.focus.focused == gid;
  bool pressed = clicked;
  if (has_focus && ui.focus.activate && !ui.focus.activated) {
    ui.focus.activated = true;
    pressed = true;
  }
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

bool card_button(DrawContext& ui, const char* id, const CardText& c, std::string_view key, float width) {
  const float pad = 16.0f * ui.s();
  const float badge = key.empty() ? 0.0f : 40.0f * ui.s();
  const float inner = width - 2.0f * pad - badge;
  const float th = measure(ui, ui.fonts.title, c.title, inner).y;
  const float mh = ui.fonts.small->FontSize + 6.0f * ui.s();
  const float sh = measure(ui, ui.fonts.body, c.summary, inner).y;
  const float nh = measure(ui, ui.fonts.small, c.note, inner).y;
  const float h = th + mh + sh + nh + 2.0f * pad + 14.0f * ui.s();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImGuiID gid = ImGui::GetID(id);
  const bool clicked = ImGui::InvisibleButton(id, ImVec2(width, h));
  ui.focus.order.push_back(gid);
  if (clicked) {
    ui.focus.focused = gid;
    ui.focus.visible = false;
  }
  const bool has_focus = ui.focus.visible && ui.focus.focused == gid;
  bool pressed = clicked;
  if (has_focus && ui.focus.activate && !ui.focus.activated) {
    ui.focus.activated = true;
    pressed = true;
  }
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

void avatar(Ui& ui, ImDrawList* dl, ImVec2 centre, float radius, const Character* who) {
  if (!who || who->unknown) {
    fill_circle(dl, centre, radius, IM_COL32(150, 156, 166, 255));
    const ImVec2 q = measure(ui, ui.fonts.body, "?");
    draw_text(ui, dl, ui.fonts.body, ImVec2(centre.x - q.x * 0.5f, centre.y - q.y * 0.5f),
              IM_COL32(255, 255, 255, 255), "?", 0.0f, "avatar");
    return;
  }
  const ImU32 bg = parse_color(who->avatar.color.c_str(), IM_COL32(120, 130, 150, 255));
  fill_circle(dl, centre, radius, bg);
  std::string mark = who->avatar.emoji;
  if (mark.empty()) {
    const auto& name = ui.pick(who->name);
    const auto cps = utf8::split_code_points(name);
    mark = cps.empty() ? "?" : std::string(cps.front());
  }
  // Small avatars use the body font; big ones (the change of phone) the big font, whose
  // emoji are drawn at that size (scaling glyphs up would pixelate them).
  const bool big = radius > 30.0f * ui.s() && !who->avatar.emoji.empty();
  ImFont* f = big ? ui.fonts.big : (radius > 24.0f * ui.s() ? ui.fonts.title : ui.fonts.body);
  const float size = f->FontSize;
  const std::string shown = to_display(mark, ui.emoji);
  const ImVec2 ms = f->CalcTextSizeA(size, 1e9f, 0.0f, shown.data(), shown.data() + shown.size());
  audit_glyphs(ui, f, mark, "avatar");
  dl->AddText(f, size,
              ImVec2(std::floor(centre.x - ms.x * 0.5f), std::floor(centre.y - ms.y * 0.5f)),
              IM_COL32(255, 255, 255, 255), shown.data(), shown.data() + shown.size());
}

void image_icon(ImDrawList* dl, ImVec2 c, float size, ImageIcon icon, ImU32 col) {
  const float h = size * 0.5f;
  const float th = std::max(1.5f, size / 14.0f);
  switch (icon) {
    case ImageIcon::Photo:
      dl->AddRect(ImVec2(c.x - h, c.y - h * 0.75f), ImVec2(c.x + h, c.y + h * 0.75f), col, 3.0f, 0,
                  th);
      dl->AddCircle(ImVec2(c.x + h * 0.45f, c.y - h * 0.3f), h * 0.16f, col, 12, th);
      dl->AddTriangle(ImVec2(c.x - h * 0.8f, c.y + h * 0.6f),
                      ImVec2(c.x - h * 0.2f, c.y - h * 0.1f),
                      ImVec2(c.x + h * 0.4f, c.y + h * 0.6f), col, th);
      break;
    case ImageIcon::Video:
      dl->AddRect(ImVec2(c.x - h, c.y - h * 0.75f), ImVec2(c.x + h, c.y + h * 0.75f), col, 3.0f, 0,
                  th);
      dl->AddTriangleFilled(ImVec2(c.x - h * 0.25f, c.y - h * 0.35f),
                            ImVec2(c.x - h * 0.25f, c.y + h * 0.35f), ImVec2(c.x + h * 0.35f, c.y),
                            col);
      break;
    case ImageIcon::Screenshot:
      dl->AddRect(ImVec2(c.x - h * 0.55f, c.y - h), ImVec2(c.x + h * 0.55f, c.y + h), col, 4.0f, 0,
                  th);
      dl->AddLine(ImVec2(c.x - h * 0.3f, c.y - h * 0.5f), ImVec2(c.x + h * 0.3f, c.y - h * 0.5f),
                  col, th);
      dl->AddLine(ImVec2(c.x - h * 0.3f, c.y - h * 0.2f), ImVec2(c.x + h * 0.3f, c.y - h * 0.2f),
                  col, th);
      dl->AddLine(ImVec2(c.x - h * 0.3f, c.y + h * 0.1f), ImVec2(c.x + h * 0.1f, c.y + h * 0.1f),
                  col, th);
      break;
    case ImageIcon::Link:
      dl->AddCircle(ImVec2(c.x - h * 0.3f, c.y), h * 0.38f, col, 20, th);
      dl->AddCircle(ImVec2(c.x + h * 0.3f, c.y), h * 0.38f, col, 20, th);
      break;
  }
}

float image_card_height(const Ui& ui, float width, const ImageCard& card) {
  const float pad = 10.0f * ui.s();
  const float icon = 40.0f * ui.s();
  const float text_w = width - icon - 3.0f * pad;
  const ImVec2 ts = measure(ui, ui.fonts.body, ui.pick(card.label), text_w);
  const ImVec2 ns = measure(ui, ui.fonts.small, ui.t("game.image.not_shown"), text_w);
  return std::max(icon, ts.y + ns.y + 4.0f) + 2.0f * pad;
}

float image_card(Ui& ui, ImDrawList* dl, ImVec2 pos, float width, const ImageCard& card,
                 const char* where) {
  const Theme& t = ui.theme;
  const float pad = 10.0f * ui.s();
  const float icon = 40.0f * ui.s();
  const float h = image_card_height(ui, width, card);
  const ImVec2 end(pos.x + width, pos.y + h);
  const ImU32 fill = t.high_contrast ? IM_COL32(30, 30, 30, 255) : IM_COL32(226, 230, 238, 255);
  fill_rounded(dl, pos, end, fill, t.rounding, 0, false);
  dl->AddRect(pos, end, t.card_border, t.rounding, 0, 1.0f);
  const ImVec2 ic(pos.x + pad + icon * 0.5f, pos.y + h * 0.5f);
  fill_rounded(dl, ImVec2(ic.x - icon * 0.5f, ic.y - icon * 0.5f),
               ImVec2(ic.x + icon * 0.5f, ic.y + icon * 0.5f),
               t.high_contrast ? IM_COL32(0, 0, 0, 255) : IM_COL32(200, 206, 218, 255), 6.0f);
  image_icon(dl, ic, icon * 0.62f, card.icon,
             t.high_contrast ? t.text : IM_COL32(90, 98, 114, 255));
  const float tx = pos.x + icon + 2.0f * pad;
  const float text_w = width - icon - 3.0f * pad;
  const ImVec2 ts = draw_text(ui, dl, ui.fonts.body, ImVec2(tx, pos.y + pad), t.card_text,
                              ui.pick(card.label), text_w, where);
  draw_text(ui, dl, ui.fonts.small, ImVec2(tx, pos.y + pad + ts.y + 4.0f), t.text_muted,
            ui.t("game.image.not_shown"), text_w, where);
  return h;
}

}  // namespace upstander::app
