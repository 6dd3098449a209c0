// The main loop as a per-frame function: natively a loop that sleeps while nothing moves,
// in the browser one call per animation frame (emscripten_set_main_loop), never blocking.
#pragma once

#include <functional>

namespace upstander::ui {

struct FrameLoop {
  // Draws one frame; false ends the loop (the window was closed, the student quit).
  std::function<bool()> frame;
  // True while something on screen moves: the native loop does not sleep then.
  std::function<bool()> animating;
};

// Natively returns when `frame` returns false. In the browser it returns at once and the
// browser calls `frame` from then on: whatever `loop` refers to must outlive main().
void run_frame_loop(FrameLoop loop);

}  // namespace upstander::ui
