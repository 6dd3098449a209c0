// The newest previews, oldest dropped first.
#include "preview_shelf.hpp"

#include "secure_random.hpp"

namespace upstander::server {

std::string PreviewShelf::put(std::string text, std::int64_t now_s) {
  // No random bytes: an empty token, which the caller answers as no_randomness.
  std::optional<std::string> fresh = random_hex(16);
  if (!fresh) return {};
  std::string token = std::move(*fresh);
  std::lock_guard lock(mu_);
  while (!entries_.empty() && (entries_.size() >= capacity_ || entries_.front().expires_s <= now_s))
    entries_.pop_front();
  entries_.push_back({token, std::move(text), now_s + lifetime_s_});
  return token;
}

std::optional<std::string> PreviewShelf::get(const std::string& token, std::int64_t now_s) const {
  std::lock_guard lock(mu_);
  for (const auto& e : entries_)
    if (e.token == token && e.expires_s > now_s) return e.text;
  return std::nullopt;
}

}  // namespace upstander::server
