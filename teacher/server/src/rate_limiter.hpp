// Per-address request limits and failed-join limits. Addresses live only in memory, in
// tables of bounded size; they are never logged or written anywhere.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
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

// Wrong join codes. Every wrong code is a guess at every open session's code, so one
// sliding hour-long window for the whole server bounds the guesses each session faces:
// at most `per_hour` wrong codes from addresses that already guessed wrong reach the code
// check in any hour (not fixed windows, which let twice the limit through at a boundary).
// A right code is never held back by other addresses: an address with no wrong code in
// the last hour is always checked, and each address has a few free tries and then a wait
// that doubles with each further wrong code. An attempt counts as wrong from the moment it
// is let through until it is known to be right, so concurrent guesses cannot overshoot.
class JoinGuard {
 public:
  JoinGuard(int per_hour, int free_per_address, int max_backoff_seconds, std::size_t max_addresses);
  // True when a code from this address may be checked now (then call succeeded() if it
  // was right). False when this address's own wrong codes make it wait `retry_after` s.
  bool begin(std::string_view address, double now, int& retry_after);
  void succeeded(std::string_view address, double now);
  // Wrong codes counted in the last hour (tests).
  std::size_t wrong_in_window(double now);

 private:
  void prune(std::deque<double>& q, double now) const;
  const std::size_t per_hour_;
  const std::size_t free_;
  const double max_backoff_;
  const std::size_t max_addresses_;
  std::mutex mu_;
  std::unordered_map<std::string, std::deque<double>> by_address_;
  std::deque<double> all_;
};

// "::ffff:10.0.0.5" and "10.0.0.5" are one address.
std::string_view canonical_address(std::string_view address);
bool is_loopback_address(std::string_view address);

}  // namespace upstander::server
