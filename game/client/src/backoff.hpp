// Retry delays: doubling from `min` up to `max`, each drawn between half and the whole of
// the current step ("equal jitter"), so a class whose server comes back does not knock
// all at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <random>

namespace upstander::client {

class Backoff {
 public:
  Backoff(std::chrono::milliseconds min, std::chrono::milliseconds max, std::uint64_t seed);
  std::chrono::milliseconds next();
  void reset() { attempt_ = 0; }
  int attempts() const { return attempt_; }

 private:
  std::chrono::milliseconds min_;
  std::chrono::milliseconds max_;
  int attempt_ = 0;
  std::mt19937_64 rng_;
};

}  // namespace upstander::client
