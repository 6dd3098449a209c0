// One-time links, browser sessions and the passphrase file.
#include "teacher_signin.hpp"

#include <fstream>
#include <sstream>

#include "data_folder.hpp"
#include "passphrase_hash.hpp"
#include "secure_random.hpp"
#include "sha256.hpp"

namespace upstander::server {

namespace {
// Bounds on what an attacker who can reach the sign-in routes can make the server hold.
constexpr std::size_t kMaxLinks = 64;
constexpr std::size_t kMaxSessions = 256;

std::string read_small_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}
}  // namespace

TeacherSignin::TeacherSignin(std::string passphrase_path)
    : passphrase_path_(std::move(passphrase_path)) {}

void TeacherSignin::prune(std::int64_t now) {
  std::erase_if(links_, [now](const auto& kv) { return kv.second <= now; });
  std::erase_if(sessions_, [now](const auto& kv) {
    return now - kv.second.last_used >= kBrowserSessionIdleSeconds;
  });
}

std::optional<std::string> TeacherSignin::new_link_token(std::int64_t now) {
  auto token = random_hex(16);
  if (!token) return std::nullopt;
  std::lock_guard lock(mu_);
  prune(now);
  if (links_.size() >= kMaxLinks) links_.erase(links_.begin());
  links_[sha256(*token)] = now + kSigninLinkSeconds;
  return token;
}

bool TeacherSignin::redeem_link_token(std::string_view token, std::int64_t now) {
  std::lock_guard lock(mu_);
  prune(now);
  const auto it = links_.find(sha256(token));
  if (it == links_.end()) return false;
  links_.erase(it);
  return true;
}

std::optional<BrowserSession> TeacherSignin::open_session(std::int64_t now) {
  auto secret = random_hex(32);
  auto csrf = random_hex(16);
  if (!secret || !csrf) return std::nullopt;
  BrowserSession s{std::move(*secret), std::move(*csrf)};
  std::lock_guard lock(mu_);
  prune(now);
  if (sessions_.size() >= kMaxSessions) {
    // Forget the least recently used browser rather than grow without bound.
    auto oldest = sessions_.begin();
    for (auto i = sessions_.begin(); i != sessions_.end(); ++i) {
      if (i->second.last_used < oldest->second.last_used) oldest = i;
    }
    sessions_.erase(oldest);
  }
  sessions_[sha256(s.secret)] = Live{s.csrf, now};
  return s;
}

std::optional<std::string> TeacherSignin::session_csrf(std::string_view secret, std::int64_t now) {
  if (secret.empty()) return std::nullopt;
  std::lock_guard lock(mu_);
  const auto it = sessions_.find(sha256(secret));
  if (it == sessions_.end()) return std::nullopt;
  if (now - it->second.last_used >= kBrowserSessionIdleSeconds) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.last_used = std::max(it->second.last_used, now);
  return it->second.csrf;
}

void TeacherSignin::close_session(std::string_view secret) {
  std::lock_guard lock(mu_);
  sessions_.erase(sha256(secret));
}

bool TeacherSignin::passphrase_set() const {
  return !read_small_file(passphrase_path_).empty();
}

PassphraseCheck TeacherSignin::check_passphrase(std::string_view passphrase, std::int64_t now,
                                                int& retry_after) {
  const std::string stored = read_small_file(passphrase_path_);
  if (stored.empty()) return PassphraseCheck::NotSet;
  std::unique_lock hashing(hash_mu_, std::try_to_lock);
  if (!hashing.owns_lock()) {
    retry_after = 1;
    return PassphraseCheck::Busy;
  }
  if (!passphrase_hash_checkable(stored)) return PassphraseCheck::Unsupported;
  if (!throttle_.begin(now, retry_after)) return PassphraseCheck::Throttled;
  if (!verify_passphrase(passphrase, stored)) return PassphraseCheck::Wrong;
  throttle_.succeeded();
  return PassphraseCheck::Ok;
}

StorageResult<void> TeacherSignin::set_passphrase(std::string_view passphrase) {
  std::string hash;
  {
    std::lock_guard hashing(hash_mu_);
    hash = hash_passphrase(passphrase);
  }
  if (hash.empty())
    return fail(StorageFailure{StorageError::CannotWrite, "the passphrase could not be hashed"});
  return replace_private_file(passphrase_path_, hash + "\n");
}

std::string cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const std::size_t semi = header.find(';');
    std::string_view pair = header.substr(0, semi);
    header = semi == std::string_view::npos ? std::string_view() : header.substr(semi + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos || pair.substr(0, eq) != name) continue;
    std::string_view value = pair.substr(eq + 1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    return std::string(value);
  }
  return {};
}

std::string teacher_cookie(std::string_view secret) {
  std::string c = std::string(kTeacherCookie) + "=" + std::string(secret) +
                  "; HttpOnly; SameSite=Strict; Path=/";
  if (secret.empty()) c += "; Max-Age=0";
  return c;
}

}  // namespace upstander::server
