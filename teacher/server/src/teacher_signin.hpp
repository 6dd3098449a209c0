// How a teacher's browser signs in: one-time sign-in links (what `serve` prints), the
// cookie sessions they and the passphrase open, each with its CSRF token, and the
// passphrase's hash in the data folder. Sessions live in memory only: a restarted server
// asks the browser to sign in again, and no session secret ever reaches the disk. Secrets
// are held as SHA-256 hashes, so looking one up takes no time that depends on the secret.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "signin_throttle.hpp"
#include "storage_error.hpp"

namespace upstander::server {

inline constexpr std::string_view kTeacherCookie = "upstander_teacher";
inline constexpr std::string_view kCsrfHeader = "X-Upstander-CSRF";
inline constexpr std::int64_t kSigninLinkSeconds = 15 * 60;
// A browser session not used for this long is forgotten (a school day, with room).
inline constexpr std::int64_t kBrowserSessionIdleSeconds = 12 * 3600;
inline constexpr std::size_t kMinPassphraseBytes = 8;
inline constexpr std::size_t kMaxPassphraseBytes = 1024;

struct BrowserSession {
  std::string secret;  // the cookie's value
  std::string csrf;
};

// Unsupported: the stored hash was made on another platform (passphrase_hash.hpp).
enum class PassphraseCheck { Ok, Wrong, NotSet, Unsupported, Throttled, Busy };

class TeacherSignin {
 public:
  // `passphrase_path`: the file holding the passphrase's hash (absent: none set).
  explicit TeacherSignin(std::string passphrase_path);

  // A new one-time sign-in token, valid for kSigninLinkSeconds from `now`.
  std::optional<std::string> new_link_token(std::int64_t now);  // nullopt: no random bytes
  // True once for a token that is known and not expired; the token is gone afterwards.
  bool redeem_link_token(std::string_view token, std::int64_t now);

  std::optional<BrowserSession> open_session(std::int64_t now);  // nullopt: no random bytes
  // The session's CSRF token when `secret` is a live session (and marks it used).
  std::optional<std::string> session_csrf(std::string_view secret, std::int64_t now);
  void close_session(std::string_view secret);

  bool passphrase_set() const;
  // Checks under the throttle, one at a time (a hash takes 32 MiB: concurrent guesses
  // must not take the server's memory). `retry_after` is set when Throttled or Busy.
  PassphraseCheck check_passphrase(std::string_view passphrase, std::int64_t now, int& retry_after);
  // Stores the hash of `passphrase` (owner-only file, replaced atomically); CannotWrite also
  // when it cannot be hashed (no random salt, or no memory for scrypt).
  StorageResult<void> set_passphrase(std::string_view passphrase);

 private:
  void prune(std::int64_t now);

  const std::string passphrase_path_;
  std::mutex mu_;
  std::map<std::string, std::int64_t> links_;  // sha256 of token -> expiry
  struct Live {
    std::string csrf;
    std::int64_t last_used = 0;
  };
  std::map<std::string, Live> sessions_;  // sha256 of secret -> session
  std::mutex hash_mu_;
  SigninThrottle throttle_;
};

// The value of cookie `name` in a Cookie header ("a=1; upstander_teacher=xyz"), or "".
std::string cookie_value(std::string_view cookie_header, std::string_view name);
// The Set-Cookie header value that stores `secret` (or, when empty, removes the cookie).
std::string teacher_cookie(std::string_view secret);

}  // namespace upstander::server
