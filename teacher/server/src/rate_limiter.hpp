// Per-address request limits and failed-join limits. Addresses live only in memory, in
// tables of bounded size; they are never logged or written anywhere.
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace upstander::server {

// A token bucket per address: `burst` requests at once, then `rate` per second.
class AddressRateLimiter {
 public:
  AddressRateLimiter(double rate, double burst, std::size_t max_addresses);
  // False when the address is over its limit; `retry_after` is then whole seconds to wait.
  bool allow(std::string_view address, double now_seconds, int& retry_after);

 private:
  struct Bucket {
    double tokens = 0;
    double last = 0;
  };
  struct Shard {
    std::mutex mu;
    std::unordered_map<std::string, Bucket> buckets;
  };
  void prune(Shard& shard, double now);

  static constexpr std::size_t kShards = 16;
  const double rate_;
  const double burst_;
  const std::size_t max_per_shard_;
  std::array<Shard, kShards> shards_;
};

// Wrong join codes, counted per address and for the whole server in one-minute windows,
// so guessing a code is slow even from many addresses.
class JoinGuard {
 public:
  JoinGuard(int per_address_per_minute, int global_per_minute, std::size_t max_addresses);
  // False when joins from this address (or all joins) are paused; sets `retry_after`.
  bool may_try(std::string_view address, std::int64_t now_seconds, int& retry_after);
  void record_failure(std::string_view address, std::int64_t now_seconds);

 private:
  struct Window {
    std::int64_t minute = 0;
    int failures = 0;
  };
  const int per_address_;
  const int global_;
  const std::size_t max_addresses_;
  std::mutex mu_;
  std::unordered_map<std::string, Window> by_address_;
  Window global_window_;
};

// "::ffff:10.0.0.5" and "10.0.0.5" are one address.
std::string_view canonical_address(std::string_view address);
bool is_loopback_address(std::string_view address);

}  // namespace upstander::server
