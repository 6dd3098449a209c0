// The stored passphrase hash's fields, shared by the per-platform schemes.
#include "passphrase_hash.hpp"

namespace upstander::server {

std::vector<std::string_view> passphrase_fields(std::string_view s) {
  std::vector<std::string_view> out;
  while (true) {
    const std::size_t d = s.find('$');
    out.push_back(s.substr(0, d));
    if (d == std::string_view::npos) return out;
    s.remove_prefix(d + 1);
  }
}

std::optional<std::uint64_t> decimal_field(std::string_view s, std::size_t max_digits) {
  if (s.empty() || s.size() > max_digits) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return v;
}

bool passphrase_hash_checkable(std::string_view stored) {
  return passphrase_fields(stored).front() == passphrase_scheme();
}

}  // namespace upstander::server
