// Keeps a pressed row of buttons where the pointer is while the rows above it change height.
#pragma once

#include <imgui.h>

namespace upstander::ui {

// Pressing "larger text" rebuilds the fonts: everything above the text-size row grows, the
// row slides down, and a second click lands on another button (issue 15). A RowAnchor
// remembers the pressed row's height on screen and pads or scrolls its region until the row
// is back there. It follows until the pointer moves away or the wheel turns; the padding stays
// until the region is shown again, so nothing jumps back while the student is still there.
//
// Use inside a region from begin_region(): construct before laying out, call top_pad() for the
// space to leave first, track() where the row is drawn, finish() after the layout.
class RowAnchor {
 public:
  RowAnchor();  // reads its state from the current window
  float top_pad() const { return pad_; }
  // The row `row` is drawn at screen height `y` this frame; `pressed` when it was just pressed.
  void track(ImGuiID row, float y, bool pressed);
  // Leaves room to scroll and stores the state for the next frame.
  void finish();

 private:
  ImGuiStorage* store_;
  ImGuiID row_ = 0;
  float target_y_ = 0.0f, pad_ = 0.0f, scroll_ = 0.0f;
  ImVec2 pressed_at_;
  bool following_ = false;
};

}  // namespace upstander::ui
