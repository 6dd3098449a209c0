// The phone in the student's hand: frame, status bar and the scene of the current node.
#pragma once

#include <imgui.h>

#include "ui_context.hpp"

namespace upstander::app {

// The phone's outer rectangle for an area: portrait-ish, centred, as tall as it can be.
void phone_rect(ImVec2 area_min, ImVec2 area_max, float scale, ImVec2& out_min, ImVec2& out_max);

// Draws the phone for the runner's current node inside [a, b] (the frame included).
void draw_phone(Ui& ui, ImVec2 a, ImVec2 b);

}  // namespace upstander::app
