// Drag to scroll, as on any phone: a finger (or the mouse) pressed on a scrolling region and
// moved up or down scrolls that region with it, and the press is then a drag, never a tap
// on the button it began on. Dear ImGui 1.86 scrolls only by wheel and scroll bar; a touch
// screen has neither, and a phone's debrief, help list and chat are taller than the screen.
#pragma once

struct ImGuiWindow;

namespace upstander::ui {

class TouchScroll {
 public:
  // Once a frame, after the frame's windows are drawn and before it is rendered.
  void frame();

 private:
  ImGuiWindow* target_ = nullptr;  // the scrolling window the press began in
  float start_y_ = 0.0f;
  float start_scroll_ = 0.0f;
  bool dragging_ = false;
};

}  // namespace upstander::ui
