// Token buckets and failure windows.
#include "rate_limiter.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace upstander::server {

std::string_view canonical_address(std::string_view address) {
  constexpr std::string_view kMapped = "::ffff:";
  if (address.substr(0, kMapped.size()) == kMapped && address.find('.') != std::string_view::npos) {
    return address.substr(kMapped.size());
  }
  return address;
}

bool is_loopback_address(std::string_view address) {
  address = canonical_address(address);
  return address == "::1" || address.substr(0, 4) == "127.";
}

AddressRateLimiter::AddressRateLimiter(double rate, double burst, std::size_t max_addresses)
    : rate_(rate), burst_(burst), max_per_shard_(std::max<std::size_t>(16, max_addresses / kShards)) {}

void AddressRateLimiter::prune(Shard& shard, double now) {
  // A bucket that has refilled completely is the same as no bucket.
  const double refill = rate_ > 0 ? burst_ / rate_ : 0;
  std::erase_if(shard.buckets, [&](const auto& kv) { return now - kv.second.last >= refill; });
  // Still full (a flood from many addresses): forget the table rather than grow it.
  if (shard.buckets.size() >= max_per_shard_) shard.buckets.clear();
}

bool AddressRateLimiter::allow(std::string_view address, double now, int& retry_after) {
  if (rate_ <= 0) return true;
  address = canonical_address(address);
  Shard& shard = shards_[std::hash<std::string_view>{}(address) % kShards];
  std::lock_guard lock(shard.mu);
  auto it = shard.buckets.find(std::string(address));
  if (it == shard.buckets.end()) {
    if (shard.buckets.size() >= max_per_shard_) prune(shard, now);
    it = shard.buckets.emplace(std::string(address), Bucket{burst_, now}).first;
  }
  Bucket& b = it->second;
  b.tokens = std::min(burst_, b.tokens + (now - b.last) * rate_);
  b.last = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return true;
  }
  retry_after = std::max(1, static_cast<int>(std::ceil((1.0 - b.tokens) / rate_)));
  return false;
}

JoinGuard::JoinGuard(int per_address_per_minute, int global_per_minute, std::size_t max_addresses)
    : per_address_(per_address_per_minute), global_(global_per_minute), max_addresses_(max_addresses) {}

bool JoinGuard::may_try(std::string_view address, std::int64_t now, int& retry_after) {
  const std::int64_t minute = now / 60;
  const int wait = static_cast<int>(60 - now % 60);
  std::lock_guard lock(mu_);
  if (global_window_.minute == minute && global_window_.failures >= global_) {
    retry_after = wait;
    return false;
  }
  auto it = by_address_.find(std::string(canonical_address(address)));
  if (it != by_address_.end() && it->second.minute == minute && it->second.failures >= per_address_) {
    retry_after = wait;
    return false;
  }
  return true;
}

void JoinGuard::record_failure(std::string_view address, std::int64_t now) {
  const std::int64_t minute = now / 60;
  std::lock_guard lock(mu_);
  if (global_window_.minute != minute) global_window_ = {minute, 0};
  ++global_window_.failures;
  if (by_address_.size() >= max_addresses_) {
    std::erase_if(by_address_, [&](const auto& kv) { return kv.second.minute != minute; });
    if (by_address_.size() >= max_addresses_) by_address_.clear();
  }
  Window& w = by_address_[std::string(canonical_address(address))];
  if (w.minute != minute) w = {minute, 0};
  ++w.failures;
}

}  // namespace upstander::server
