// Event ids from getentropy.
#include "random_id.hpp"

#include <unistd.h>

namespace upstander::client {

std::string random_event_id() {
  unsigned char raw[16];
  while (getentropy(raw, sizeof raw) != 0) {
  }
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
  while (getentropy(&seed, sizeof seed) != 0) {
  }
  return seed;
}

}  // namespace upstander::client
