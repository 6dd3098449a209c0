// The story's own drawings on top of the toolkit's widgets: a character's round avatar and
// the neutral card that stands for an image (SAFETY.md).
#pragma once

#include <imgui.h>

#include "ui_context.hpp"
#include "upstander/scenario.hpp"
#include "upstander/ui/widgets.hpp"

namespace upstander::app {

// A round avatar: the emoji if the font has it drawn, else the first letter of the name
// on the character's colour; an unknown account gets a plain grey circle with "?".
void avatar(Ui& ui, ImDrawList* dl, ImVec2 centre, float radius, const Character* who);

// The neutral card that stands for an image (SAFETY.md): an icon made of primitives and
// the label. Returns the height used.
float image_card(Ui& ui, ImDrawList* dl, ImVec2 pos, float width, const ImageCard& card,
                 const char* where);
float image_card_height(const Ui& ui, float width, const ImageCard& card);

// A simple line icon per image kind.
void image_icon(ImDrawList* dl, ImVec2 centre, float size, ImageIcon icon, ImU32 color);

}  // namespace upstander::app
