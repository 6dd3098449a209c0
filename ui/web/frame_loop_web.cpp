// The browser's main loop: the browser calls one frame per animation frame. Nothing here
// may block; the loop cannot end (a tab is closed, not quit).
#include <emscripten.h>

#include <memory>

#include "upstander/ui/frame_loop.hpp"
#include "upstander/ui/text_input_bridge.hpp"

namespace upstander::ui {

namespace {

// The time each frame took on the page's thread (the game's own work: building the frame,
// drawing it, handing it to the canvas), kept in window.upstander.frameMs (the last 600) for
// the benchmarks (bench/web_frame.mjs).
EM_JS(void, upstander_frame_ms, (double ms), {
  var u = window.upstander || (window.upstander = {});
  var a = u.frameMs || (u.frameMs = []);
  a.push(ms);
  if (a.length > 600) a.splice(0, a.length - 600);
});

void one_frame(void* arg) {
  const double t0 = emscripten_get_now();
  static_cast<FrameLoop*>(arg)->frame();
  browser::text_input_after_frame();  // the browser's input method, at ImGui's caret
  upstander_frame_ms(emscripten_get_now() - t0);
}

}  // namespace

void run_frame_loop(FrameLoop loop) {
  // Lives as long as the page: the browser keeps calling it after main() returned.
  auto* kept = new FrameLoop(std::move(loop));
  emscripten_set_main_loop_arg(one_frame, kept, 0, /*simulate_infinite_loop=*/false);
}

}  // namespace upstander::ui
