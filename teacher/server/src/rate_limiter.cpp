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
    : rate_(rate),
      burst_(burst),
      max_per_shard_(std::max<std::size_t>(16, max_addresses / kShards)) {}

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

JoinGuard::JoinGuard(int per_hour, int free_per_address, int max_backoff_seconds,
                     std::size_t max_addresses)
    : per_hour_(static_cast<std::size_t>(std::max(1, per_hour))),
      free_(static_cast<std::size_t>(std::max(0, free_per_address))),
      max_backoff_(std::max(1, max_backoff_seconds)),
      max_addresses_(max_addresses) {}

void JoinGuard::prune(std::deque<double>& q, double now) const {
  constexpr double kHour = 3600;
  while (!q.empty() && q.front() <= now - kHour) q.pop_front();
}

bool JoinGuard::begin(std::string_view address, double now, int& retry_after) {
  std::lock_guard lock(mu_);
  prune(all_, now);
  const std::string key(canonical_address(address));
  auto it = by_address_.find(key);
  if (it != by_address_.end()) {
    prune(it->second, now);
    if (it->second.empty()) {
      by_address_.erase(it);
      it = by_address_.end();
    }
  }
  const std::size_t own = it == by_address_.end() ? 0 : it->second.size();
  if (own >= free_) {
    const double wait = std::min(
        max_backoff_, std::ldexp(1.0, static_cast<int>(std::min<std::size_t>(own - free_, 20))));
    const double until = it->second.back() + wait;
    if (now < until) {
      retry_after = std::max(1, static_cast<int>(std::ceil(until - now)));
      return false;
    }
  }
  if (own > 0 && all_.size() >= per_hour_) {
    // The server's hour is used up: only addresses that have not guessed wrong are checked.
    retry_after = std::max(1, static_cast<int>(std::ceil(all_.front() + 3600 - now)));
    return false;
  }
  if (it == by_address_.end()) {
    if (by_address_.size() >= max_addresses_) {
      for (auto& [addr, times] : by_address_) prune(times, now);
      std::erase_if(by_address_, [](const auto& kv) { return kv.second.empty(); });
      if (by_address_.size() >= max_addresses_) by_address_.clear();
    }
    it = by_address_.emplace(key, std::deque<double>{}).first;
  }
  it->second.push_back(now);
  all_.push_back(now);
  return true;
}

void JoinGuard::succeeded(std::string_view address, double now) {
  std::lock_guard lock(mu_);
  auto drop = [now](std::deque<double>& q) {
    for (auto i = q.rbegin(); i != q.rend(); ++i) {
      if (*i == now) {
        q.erase(std::next(i).base());
        return;
      }
    }
  };
  drop(all_);
  auto it = by_address_.find(std::string(canonical_address(address)));
  if (it != by_address_.end()) drop(it->second);
}

std::size_t JoinGuard::wrong_in_window(double now) {
  std::lock_guard lock(mu_);
  prune(all_, now);
  return all_.size();
}

}  // namespace upstander::server
