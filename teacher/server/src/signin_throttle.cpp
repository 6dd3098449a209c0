// The doubling wait after wrong passphrases.
#include "signin_throttle.hpp"

#include <algorithm>

namespace upstander::server {

SigninThrottle::SigninThrottle(int free_failures, std::int64_t max_wait_seconds)
    : free_(std::max(0, free_failures)), max_wait_(std::max<std::int64_t>(1, max_wait_seconds)) {}

bool SigninThrottle::begin(std::int64_t now, int& retry_after) {
  std::lock_guard lock(mu_);
  if (failures_ >= free_) {
    const int doublings = std::min(failures_ - free_, 30);
    const std::int64_t wait = std::min(max_wait_, std::int64_t{1} << doublings);
    if (now < last_ + wait) {
      retry_after = static_cast<int>(std::max<std::int64_t>(1, last_ + wait - now));
      return false;
    }
  }
  ++failures_;
  last_ = now;
  return true;
}

void SigninThrottle::succeeded() {
  std::lock_guard lock(mu_);
  failures_ = 0;
}

}  // namespace upstander::server
