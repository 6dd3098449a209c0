// The controls both programs use: large buttons with their key shown, cards and panels.
// All are drawn with draw lists; buttons take part in the keyboard focus ring.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

#include "upstander/ui/draw_context.hpp"

namespace upstander::ui {

enum class ButtonKind { Normal, Primary, Quiet };

// Height a button of width `width` needs for `label` (it grows for long, wrapped labels).
float button_height(const DrawContext& ui, std::string_view label, std::string_view key,
                    float width, ImFont* font = nullptr);

// A button at the current cursor position. `key` ("1", "Esc") is shown as a badge and
// is the key that also presses it. Returns true when pressed by mouse, touch or the focus
// ring (Enter/Space).
bool big_button(DrawContext& ui, const char* id, std::string_view label, std::string_view key,
                float width, ButtonKind kind = ButtonKind::Normal, float min_height = 0.0f,
                ImFont* font = nullptr);

// A scenario on the picker: a card-sized button with the title, a line of details, the
// summary and the content note, so the student sees what it is about before choosing.
struct CardText {
  std::string title, meta, summary, note;
};
bool card_button(DrawContext& ui, const char* id, const CardText& text, std::string_view key,
                 float width);

// A rounded panel (white card) behind a region.
void panel(DrawContext& ui, ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 fill, ImU32 border);

}  // namespace upstander::ui
