// Exponential backoff with jitter.
#include "backoff.hpp"

#include <algorithm>

namespace upstander::client {

Backoff::Backoff(std::chrono::milliseconds min, std::chrono::milliseconds max, std::uint64_t seed)
    : min_(std::max(min, std::chrono::milliseconds(1))), max_(std::max(max, min_)), rng_(seed) {}

std::chrono::milliseconds Backoff::next() {
  const int shift = std::min(attempt_, 30);
  const std::int64_t step = std::min<std::int64_t>(max_.count(), min_.count() << shift);
  ++attempt_;
  std::uniform_int_distribution<std::int64_t> half(step / 2, step);
  return std::chrono::milliseconds(half(rng_));
}

}  // namespace upstander::client
