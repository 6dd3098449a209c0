// The phone frame, its owner and its status bar; the scene itself is in phone_scene.cpp.
#include "phone.hpp"
#include "upstander/ui/shapes.hpp"

#include <algorithm>
#include <cmath>

#include "phone_scene.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/ui/theme.hpp"

namespace upstander::app {

namespace {

void status_bar(Ui& ui, ImDrawList* dl, ImVec2 a, float w, float h, const std::string& clock) {
  const ui::Theme& t = ui.theme;
  ui::draw_text(ui, dl, ui.fonts.small,
                ImVec2(a.x + 16.0f * ui.s(), a.y + (h - ui.fonts.small->FontSize) * 0.5f),
                t.status_text, clock, 0.0f, "status-clock", 0.0f, w * 0.4f);
  // Signal bars and a battery: primitives, no text.
  const float base = a.y + h * 0.72f;
  float x = a.x + w - 70.0f * ui.s();
  for (int i = 0; i < 4; ++i) {
    const float bh = (3.0f + 2.5f * static_cast<float>(i)) * ui.s();
    ui::fill_rounded(dl, ImVec2(x, base - bh), ImVec2(x + 3.0f * ui.s(), base), t.status_text,
                     1.0f);
    x += 5.0f * ui.s();
  }
  x += 6.0f * ui.s();
  const float bw = 22.0f * ui.s();
  const float bh = 11.0f * ui.s();
  dl->AddRect(ImVec2(x, base - bh), ImVec2(x + bw, base), t.status_text, 2.0f, 0, 1.2f);
  ui::fill_rounded(dl, ImVec2(x + 2, base - bh + 2), ImVec2(x + bw * 0.7f, base - 2), t.status_text,
                   1.0f);
  ui::fill_rounded(dl, ImVec2(x + bw, base - bh * 0.7f), ImVec2(x + bw + 2.5f, base - bh * 0.3f),
                   t.status_text);
}

}  // namespace

void phone_rect(ImVec2 area_min, ImVec2 area_max, float scale, ImVec2& out_min, ImVec2& out_max) {
  const float ah = area_max.y - area_min.y;
  const float aw = area_max.x - area_min.x;
  const float w = std::min({aw, std::max(330.0f * scale, ah * 0.62f), 470.0f * scale});
  const float h = ah;
  const float x = area_min.x + (aw - w) * 0.5f;
  out_min = ImVec2(std::floor(x), area_min.y);
  out_max = ImVec2(std::floor(x + w), area_min.y + h);
}

void draw_phone(Ui& ui, ImVec2 a, ImVec2 b) {
  const Runner* r = ui.m.runner();
  if (!r) return;
  const ui::Theme& t = ui.theme;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Character* owner = phone_owner(*r);
  const bool someone_else = owner && owner->id != r->scenario().player.id;

  // Whose phone: a label above the frame, and another person's phone has another colour.
  const float label_h = ui.fonts.small->FontSize + 8.0f * ui.s();
  const std::string owner_label = someone_else
                                      ? ui.t("game.phone.owner", {{"name", ui.pick(owner->name)}})
                                      : ui.t("game.phone.yours");
  const ImU32 owner_color =
      someone_else ? ui::parse_color(owner->avatar.color.c_str(), t.accent) : t.text_muted;
  ui::draw_centered(ui, dl, ui.fonts.small, a.x, b.x, a.y, owner_color, owner_label, "phone-owner");
  a.y += label_h;

  const float bezel = 10.0f * ui.s();
  ImU32 frame = t.phone_frame;
  if (someone_else && !t.high_contrast)
    frame = ui::mix(t.phone_frame, ui::parse_color(owner->avatar.color.c_str(), frame), 0.55f);
  const ImVec2 sa(a.x + bezel, a.y + bezel);
  const ImVec2 sb(b.x - bezel, b.y - bezel);
  // The bezel as a thick outline, not a filled shape under the screen: on the software
  // renderer every covered pixel costs, and the screen would cover most of it again.
  const float half = bezel * 0.5f + 1.0f;
  dl->AddRect(ImVec2(a.x + half, a.y + half), ImVec2(b.x - half, b.y - half), frame,
              30.0f * ui.s() - half, 0, bezel + 2.0f);
  ui::fill_rounded(dl, sa, sb, t.phone_screen, 22.0f * ui.s());
  if (t.high_contrast) dl->AddRect(a, b, t.text, 30.0f * ui.s(), 0, 2.0f);

  const float bar_h = 30.0f * ui.s();
  dl->PushClipRect(sa, sb, true);
  status_bar(ui, dl, sa, sb.x - sa.x, bar_h, ui.m.phone_clock());
  // The camera notch.
  const float cx = (sa.x + sb.x) * 0.5f;
  ui::fill_rounded(dl, ImVec2(cx - 38.0f * ui.s(), sa.y),
                   ImVec2(cx + 38.0f * ui.s(), sa.y + 14.0f * ui.s()), frame, 8.0f * ui.s(),
                   ImDrawFlags_RoundCornersBottom);
  ScreenArea area{ImVec2(sa.x, sa.y + bar_h), ImVec2(sb.x, sb.y - 12.0f * ui.s())};
  draw_scene(ui, dl, area, *r);
  // The home indicator.
  ui::fill_rounded(dl, ImVec2(cx - 50.0f * ui.s(), sb.y - 8.0f * ui.s()),
                   ImVec2(cx + 50.0f * ui.s(), sb.y - 4.0f * ui.s()),
                   t.high_contrast ? t.text : IM_COL32(60, 64, 72, 200), 3.0f);
  dl->PopClipRect();
}

}  // namespace upstander::app
