// Avatars and the neutral image cards.
#include "story_widgets.hpp"

#include <algorithm>
#include <cmath>

#include "upstander/ui/shapes.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/utf8.hpp"

namespace upstander::app {

void avatar(Ui& ui, ImDrawList* dl, ImVec2 centre, float radius, const Character* who) {
  if (!who || who->unknown) {
    ui::fill_circle(dl, centre, radius, IM_COL32(150, 156, 166, 255));
    const ImVec2 q = ui::measure(ui, ui.fonts.body, "?");
    ui::draw_text(ui, dl, ui.fonts.body, ImVec2(centre.x - q.x * 0.5f, centre.y - q.y * 0.5f),
                  IM_COL32(255, 255, 255, 255), "?", 0.0f, "avatar");
    return;
  }
  const ImU32 bg = ui::parse_color(who->avatar.color.c_str(), IM_COL32(120, 130, 150, 255));
  ui::fill_circle(dl, centre, radius, bg);
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
  const std::string shown = ui::to_display(mark, ui.emoji);
  const ImVec2 ms = f->CalcTextSizeA(size, 1e9f, 0.0f, shown.data(), shown.data() + shown.size());
  ui::audit_glyphs(ui, f, mark, "avatar");
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
  const ImVec2 ts = ui::measure(ui, ui.fonts.body, ui.pick(card.label), text_w);
  const ImVec2 ns = ui::measure(ui, ui.fonts.small, ui.t("game.image.not_shown"), text_w);
  return std::max(icon, ts.y + ns.y + 4.0f) + 2.0f * pad;
}

float image_card(Ui& ui, ImDrawList* dl, ImVec2 pos, float width, const ImageCard& card,
                 const char* where) {
  const ui::Theme& t = ui.theme;
  const float pad = 10.0f * ui.s();
  const float icon = 40.0f * ui.s();
  const float h = image_card_height(ui, width, card);
  const ImVec2 end(pos.x + width, pos.y + h);
  const ImU32 fill = t.high_contrast ? IM_COL32(30, 30, 30, 255) : IM_COL32(226, 230, 238, 255);
  ui::fill_rounded(dl, pos, end, fill, t.rounding, 0, false);
  dl->AddRect(pos, end, t.card_border, t.rounding, 0, 1.0f);
  const ImVec2 ic(pos.x + pad + icon * 0.5f, pos.y + h * 0.5f);
  ui::fill_rounded(dl, ImVec2(ic.x - icon * 0.5f, ic.y - icon * 0.5f),
                   ImVec2(ic.x + icon * 0.5f, ic.y + icon * 0.5f),
                   t.high_contrast ? IM_COL32(0, 0, 0, 255) : IM_COL32(200, 206, 218, 255), 6.0f);
  image_icon(dl, ic, icon * 0.62f, card.icon,
             t.high_contrast ? t.text : IM_COL32(90, 98, 114, 255));
  const float tx = pos.x + icon + 2.0f * pad;
  const float text_w = width - icon - 3.0f * pad;
  const ImVec2 ts = ui::draw_text(ui, dl, ui.fonts.body, ImVec2(tx, pos.y + pad), t.card_text,
                                  ui.pick(card.label), text_w, where);
  ui::draw_text(ui, dl, ui.fonts.small, ImVec2(tx, pos.y + pad + ts.y + 4.0f), t.text_muted,
                ui.t("game.image.not_shown"), text_w, where);
  return h;
}

}  // namespace upstander::app
