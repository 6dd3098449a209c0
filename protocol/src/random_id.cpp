// Bounded retries over the platform's random bytes (random_bytes_<platform>.cpp).
#include "upstander/protocol/random_id.hpp"

#include <algorithm>
#include <limits>
#include <string_view>

namespace upstander::protocol {

bool random_bytes(void* out, std::size_t n, RandomSource source) {
  for (int i = 0; i < kRandomTries; ++i) {
    if (source(out, n)) return true;
  }
  return false;
}

std::optional<std::string> random_hex(std::size_t bytes, RandomSource source) {
  std::string raw(bytes, '\0');
  if (!random_bytes(raw.data(), raw.size(), source)) return std::nullopt;
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes * 2);
  for (char c : raw) {
    const auto b = static_cast<unsigned char>(c);
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0x0f]);
  }
  return out;
}

std::optional<std::string> random_event_id(RandomSource source) {
  return random_hex(16, source);
}

bool is_event_id(std::string_view s) {
  if (s.size() < 16 || s.size() > 32) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= 'a' && c <= 'f') || (c >= '0' && c <= '9'); });
}

std::optional<std::uint32_t> random_below(std::uint32_t bound, RandomSource source) {
  // Rejection sampling: values in the last partial block would favour small results. Each
  // draw is rejected with probability below 1/2, so 64 rejections in a row mean a broken
  // generator, not bad luck.
  constexpr std::uint32_t kMax = std::numeric_limits<std::uint32_t>::max();
  const std::uint32_t limit = kMax - kMax % bound;
  for (int i = 0; i < 64; ++i) {
    std::uint32_t v = 0;
    if (!random_bytes(&v, sizeof v, source)) return std::nullopt;
    if (v < limit) return v % bound;
  }
  return std::nullopt;
}

std::optional<std::uint64_t> random_seed(RandomSource source) {
  std::uint64_t seed = 0;
  if (!random_bytes(&seed, sizeof seed, source)) return std::nullopt;
  return seed;
}

}  // namespace upstander::protocol
