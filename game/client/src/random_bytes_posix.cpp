// Random bytes from getentropy (Linux, and the browser through Emscripten).
#include <unistd.h>

#include "random_id.hpp"

namespace upstander::client {

void fill_random(void* out, std::size_t n) {
  while (getentropy(out, n) != 0) {
  }
}

}  // namespace upstander::client
