// One function per node kind, drawing inside the phone's screen below the status bar.
#pragma once

#include <imgui.h>

#include "ui_context.hpp"
#include "upstander/runner.hpp"

namespace upstander::app {

struct ScreenArea {
  ImVec2 a, b;
  float w() const { return b.x - a.x; }
  float h() const { return b.y - a.y; }
};

void draw_scene(Ui& ui, ImDrawList* dl, const ScreenArea& area, const Runner& r);

// The owner of the phone on screen (whose perspective), or nullptr.
const Character* phone_owner(const Runner& r);

}  // namespace upstander::app
