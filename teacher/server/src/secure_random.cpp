// Unbiased numbers and hex tokens from the platform's random bytes (secure_random_*.cpp).
#include "secure_random.hpp"

#include <cstdlib>
#include <limits>

#include "hex.hpp"

namespace upstander::server {

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
