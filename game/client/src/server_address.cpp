// Reading a typed server address.
#include "upstander/client/server_address.hpp"

#include <algorithm>
#include <cctype>

namespace upstander::client {

namespace {
bool parse_port(std::string_view s, int& port) {
  if (s.empty() || s.size() > 5 ||
      !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  if (v < 1 || v > 65535) return false;
  port = v;
  return true;
}

bool plausible_host(std::string_view h) {
  return !h.empty() && h.size() <= 253 && std::all_of(h.begin(), h.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':';
  });
}
}  // namespace

std::optional<ServerAddress> parse_server_address(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.substr(0, 7) == "http://") s.remove_prefix(7);
  if (!s.empty() && s.back() == '/') s.remove_suffix(1);
  ServerAddress a;
  if (!s.empty() && s.front() == '[') {
    const auto close = s.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    a.host = std::string(s.substr(1, close - 1));
    const auto rest = s.substr(close + 1);
    if (!rest.empty() && (rest.front() != ':' || !parse_port(rest.substr(1), a.port)))
      return std::nullopt;
  } else {
    const auto colon = s.find(':');
    if (colon != std::string_view::npos && s.find(':', colon + 1) == std::string_view::npos) {
      if (!parse_port(s.substr(colon + 1), a.port)) return std::nullopt;
      s = s.substr(0, colon);
    }
    a.host = std::string(s);
  }
  if (!plausible_host(a.host)) return std::nullopt;
  return a;
}

}  // namespace upstander::client
