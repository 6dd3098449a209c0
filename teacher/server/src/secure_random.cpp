// Randomness from getrandom(2): no seeding, no fallback to anything predictable.
#include "secure_random.hpp"

#include <sys/random.h>

#include <cerrno>
#include <cstdlib>
#include <limits>

#include "hex.hpp"

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

std::uint32_t random_below(std::uint32_t bound) {
  // Rejection sampling: values in the last partial block would favour small results.
  const std::uint32_t limit = std::numeric_limits<std::uint32_t>::max() - std::numeric_limits<std::uint32_t>::max() % bound;
  while (true) {
    std::uint32_t v = 0;
    if (!random_bytes(&v, sizeof v)) std::abort();  // a server without randomness must not hand out tokens
    if (v < limit) return v % bound;
  }
}

std::string random_hex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  if (!random_bytes(raw.data(), raw.size())) std::abort();
  return to_hex(raw);
}

}  // namespace upstander::server
