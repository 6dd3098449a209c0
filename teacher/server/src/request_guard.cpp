// Host/Origin validation.
#include "request_guard.hpp"

#include <algorithm>
#include <cctype>

#include "socket_api.hpp"

namespace upstander::server {

namespace {
std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}
}  // namespace

RequestGuard::RequestGuard(std::vector<std::string> allowed_hosts,
                           std::vector<std::string> allowed_origins) {
  for (auto& h : allowed_hosts) hosts_.push_back(lower(h));
  for (auto& o : allowed_origins) origins_.push_back(lower(o));
}

std::string host_name_of(std::string_view h) {
  if (!h.empty() && h.front() == '[') {
    const auto close = h.find(']');
    if (close == std::string_view::npos) return {};
    const auto rest = h.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return {};
    return std::string(h.substr(1, close - 1));
  }
  const auto colon = h.find(':');
  if (colon != std::string_view::npos) {
    if (h.find(':', colon + 1) != std::string_view::npos)
      return {};  // a bare IPv6 address is not a Host
    const auto port = h.substr(colon + 1);
    if (port.empty() ||
        !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return {};
    h = h.substr(0, colon);
  }
  return std::string(h);
}

bool is_ip_literal(std::string_view host) {
  const std::string h(host);
  unsigned char buf[16];
  return inet_pton(AF_INET, h.c_str(), buf) == 1 || inet_pton(AF_INET6, h.c_str(), buf) == 1;
}

bool RequestGuard::host_allowed(std::string_view host_header) const {
  const std::string host = lower(host_name_of(host_header));
  if (host.empty()) return false;
  if (is_ip_literal(host) || host == "localhost") return true;
  return std::find(hosts_.begin(), hosts_.end(), host) != hosts_.end();
}

bool RequestGuard::origin_allowed(std::string_view origin, std::string_view host_header) const {
  if (origin.empty()) return true;
  const std::string o = lower(origin);
  if (std::find(origins_.begin(), origins_.end(), o) != origins_.end()) return true;
  // Same origin: a page served by this server itself (the Host was already checked).
  return o == "http://" + lower(host_header);
}

}  // namespace upstander::server
