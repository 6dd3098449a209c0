// The browser's main loop: the browser calls one frame per animation frame. Nothing here
// may block; the loop cannot end (a tab is closed, not quit).
#include <emscripten.h>

#include <memory>

#include "frame_loop.hpp"

namespace upstander::app {

namespace {

void one_frame(void* arg) {
  static_cast<FrameLoop*>(arg)->frame();
}

}  // namespace

void run_frame_loop(FrameLoop loop) {
  // Lives as long as the page: the browser keeps calling it after main() returned.
  auto* kept = new FrameLoop(std::move(loop));
  emscripten_set_main_loop_arg(one_frame, kept, 0, /*simulate_infinite_loop=*/false);
}

}  // namespace upstander::app
