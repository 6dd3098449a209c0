// Wrong passphrases, counted for the whole server (no client address is kept): a few free
// tries, then a wait that doubles with each further wrong one, up to a quarter of an hour.
// A locked-out passphrase never locks the teacher out: the link `serve` prints and the
// native dashboard's token still sign in, and a right passphrase after the wait resets it.
#pragma once

#include <cstdint>
#include <mutex>

namespace upstander::server {

class SigninThrottle {
 public:
  SigninThrottle(int free_failures = 5, std::int64_t max_wait_seconds = 900);

  // True when a passphrase may be checked at `now` (seconds); false with the seconds to
  // wait. A check let through counts as wrong until succeeded() says otherwise, so
  // concurrent guesses cannot slip past the count.
  bool begin(std::int64_t now, int& retry_after);
  void succeeded();

 private:
  const int free_;
  const std::int64_t max_wait_;
  std::mutex mu_;
  int failures_ = 0;
  std::int64_t last_ = 0;
};

}  // namespace upstander::server
