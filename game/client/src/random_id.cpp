// Event ids and seeds from the platform's random bytes (random_bytes_*.cpp).
#include "random_id.hpp"

namespace upstander::client {

std::string random_event_id() {
  unsigned char raw[16];
  fill_random(raw, sizeof raw);
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : raw) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0x0f]);
  }
  return out;
}

std::uint64_t random_seed() {
  std::uint64_t seed = 0;
  fill_random(&seed, sizeof seed);
  return seed;
}

}  // namespace upstander::client
