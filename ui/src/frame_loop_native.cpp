// The native main loop: sleep until input arrives unless something is moving (school
// laptops run on battery), then draw.
#include <SDL.h>

#include "upstander/ui/frame_loop.hpp"

namespace upstander::ui {

void run_frame_loop(FrameLoop loop) {
  for (;;) {
    if (!loop.animating()) SDL_WaitEventTimeout(nullptr, 250);
    if (!loop.frame()) return;
    if (loop.animating()) SDL_Delay(15);
  }
}

}  // namespace upstander::ui
