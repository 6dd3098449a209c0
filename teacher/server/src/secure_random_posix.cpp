// Randomness from getrandom(2): no seeding, no fallback to anything predictable.
#include <sys/random.h>

#include <cerrno>

#include "secure_random.hpp"

namespace upstander::server {

bool random_bytes(void* out, std::size_t n) {
  auto* p = static_cast<unsigned char*>(out);
  while (n > 0) {
    const ssize_t got = getrandom(p, n, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += got;
    n -= static_cast<std::size_t>(got);
  }
  return true;
}

}  // namespace upstander::server
