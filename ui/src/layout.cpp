// The column layout and scrolling regions.
#include "upstander/ui/layout.hpp"
#include "upstander/ui/shapes.hpp"

#include <algorithm>

#include "upstander/ui/text_draw.hpp"

namespace upstander::ui {

Column::Column(DrawContext& ui, float width) : ui_(ui) {
  const ImVec2 cur = ImGui::GetCursorScreenPos();
  const float avail = ImGui::GetContentRegionAvail().x;
  // Text never touches the screen's edge: on a phone held upright the column is the whole
  // width less a margin.
  const float margin = 12.0f * ui.s();
  w_ = std::min(width, std::max(avail - 2.0f * margin, avail * 0.5f));
  x_ = cur.x + std::max(0.0f, (avail - w_) * 0.5f);
  y_ = cur.y;
  start_y_ = cur.y;
}

Column::~Column() {
  ImGui::SetCursorScreenPos(ImVec2(x_, start_y_));
  ImGui::Dummy(ImVec2(w_, y_ - start_y_ + 16.0f * ui_.s()));
}

void Column::title(std::string_view text, const char* where) {
  y_ += draw_text(ui_, ImGui::GetWindowDrawList(), ui_.fonts.title, ImVec2(x_, y_), ui_.theme.text,
                  text, w_, where)
            .y;
  y_ += 12.0f * ui_.s();
}

void Column::text(std::string_view text, const char* where, ImU32 color, ImFont* font) {
  ImFont* f = font ? font : ui_.fonts.body;
  y_ += draw_text(ui_, ImGui::GetWindowDrawList(), f, ImVec2(x_, y_),
                  color ? color : ui_.theme.text, text, w_, where)
            .y;
  y_ += 10.0f * ui_.s();
}

void Column::card(std::string_view heading, std::string_view text, ImU32 fill, const char* where) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float pad = 14.0f * ui_.s();
  const float inner = w_ - 2.0f * pad;
  const float hh =
      heading.empty() ? 0.0f : measure(ui_, ui_.fonts.small, heading, inner).y + 6.0f * ui_.s();
  const float th = measure(ui_, ui_.fonts.body, text, inner).y;
  const ImVec2 a(x_, y_);
  const ImVec2 b(x_ + w_, y_ + hh + th + 2.0f * pad);
  panel(ui_, dl, a, b, fill, ui_.theme.card_border);
  if (!heading.empty())
    draw_text(ui_, dl, ui_.fonts.small, ImVec2(x_ + pad, y_ + pad), ui_.theme.text_muted, heading,
              inner, where);
  draw_text(ui_, dl, ui_.fonts.body, ImVec2(x_ + pad, y_ + pad + hh), ui_.theme.card_text, text,
            inner, where);
  y_ = b.y + 12.0f * ui_.s();
}

bool Column::button(const char* id, std::string_view label, std::string_view key, ButtonKind kind) {
  ImGui::SetCursorScreenPos(ImVec2(x_, y_));
  const bool pressed = big_button(ui_, id, label, key, w_, kind);
  y_ = ImGui::GetItemRectMax().y + 10.0f * ui_.s();
  return pressed;
}

int Column::button_row(const char* id, const std::vector<std::string>& labels,
                       const std::vector<std::string>& keys, ButtonKind kind) {
  if (labels.empty()) return -1;
  const float gap = 10.0f * ui_.s();
  const float n = static_cast<float>(labels.size());
  const float bw = (w_ - gap * (n - 1.0f)) / n;
  float h = 0.0f;
  for (std::size_t i = 0; i < labels.size(); ++i)
    h = std::max(h, button_height(ui_, labels[i], keys[i], bw));
  int pressed = -1;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    ImGui::SetCursorScreenPos(ImVec2(x_ + static_cast<float>(i) * (bw + gap), y_));
    ImGui::PushID(static_cast<int>(i));
    if (big_button(ui_, id, labels[i], keys[i], bw, kind, h)) pressed = static_cast<int>(i);
    ImGui::PopID();
  }
  y_ += h + 10.0f * ui_.s();
  return pressed;
}

bool begin_region(const char* id, ImVec2 a, ImVec2 b) {
  ImGui::SetCursorScreenPos(a);
  return ImGui::BeginChild(id, ImVec2(b.x - a.x, b.y - a.y), false, ImGuiWindowFlags_NoBackground);
}

void end_region() {
  ImGui::EndChild();
}

}  // namespace upstander::ui
