// What decides a frame's pixels: every draw list's vertices, indices and commands, the
// display size and the background. A frame equal to the one on screen need not be drawn
// again: with the software renderer a frame costs milliseconds of CPU, and a teacher's
// dashboard or a student reading a message shows the same picture for many frames in a row.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace upstander::ui {

class FrameSnapshot {
 public:
  // True if `data` over `background` would draw other pixels than the frame last recorded
  // (or there is none); records it either way.
  bool changed(const ImDrawData& data, ImU32 background);
  // The window's pixels may no longer be the recorded frame's (fonts rebuilt, resized,
  // exposed): the next frame is drawn whatever it holds.
  void invalidate() { valid_ = false; }

 private:
  std::vector<std::uint8_t> last_, next_;
  bool valid_ = false;
};

}  // namespace upstander::ui
