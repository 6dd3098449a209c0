// Random bytes from getentropy (Linux, and the browser through Emscripten): no seeding, no
// fallback to anything predictable.
#include <unistd.h>

#include <algorithm>

#include "upstander/protocol/random_id.hpp"

namespace upstander::protocol {

bool system_random_once(void* out, std::size_t n) {
  auto* p = static_cast<unsigned char*>(out);
  while (n > 0) {
    const std::size_t chunk = std::min<std::size_t>(n, 256);  // getentropy's limit
    if (getentropy(p, chunk) != 0) return false;
    p += chunk;
    n -= chunk;
  }
  return true;
}

}  // namespace upstander::protocol
