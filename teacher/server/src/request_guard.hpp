// Host and Origin checks. A web page in a teacher's browser must not reach the server:
// DNS rebinding gives the page's own host name in the Host header, so only IP literals,
// "localhost" and configured names are accepted; a browser's Origin must be the server
// itself or a configured origin. No CORS headers are ever sent.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace upstander::server {

class RequestGuard {
 public:
  RequestGuard(std::vector<std::string> allowed_hosts, std::vector<std::string> allowed_origins);

  // `host` is the Host header (with or without a port); empty means it was missing.
  bool host_allowed(std::string_view host) const;
  // `origin` is the Origin header; empty (not a browser) is allowed.
  bool origin_allowed(std::string_view origin, std::string_view host) const;

 private:
  std::vector<std::string> hosts_;
  std::vector<std::string> origins_;
};

// The host part of a Host header: "[::1]:8080" -> "::1", "10.0.0.5:8080" -> "10.0.0.5".
std::string host_name_of(std::string_view host_header);
bool is_ip_literal(std::string_view host);

}  // namespace upstander::server
