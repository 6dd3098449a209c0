// The UDP discovery answer.
#include "discovery_responder.hpp"

#include <chrono>

#include "rate_limiter.hpp"
#include "socket_api.hpp"

namespace upstander::server {

DiscoveryResponder::~DiscoveryResponder() {
  stop();
}

NetworkResult<void> DiscoveryResponder::start(const std::string& address, int port, int http_port) {
  fd_ = net::open_socket(AF_INET, SOCK_DGRAM, 0);
  if (fd_ < 0)
    return fail(NetworkFailure{NetworkError::CannotOpen, "cannot open the discovery socket"});
  net::allow_quick_rebind(fd_);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  if (::inet_pton(AF_INET, address.c_str(), &addr.sin_addr) != 1)
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
  if (!net::bind_socket(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr)) {
    const std::string why = "cannot listen for discovery on UDP port " + std::to_string(port) +
                            ": " + net::last_error_text();
    net::close_socket(fd_);
    fd_ = -1;
    return fail(NetworkFailure{NetworkError::CannotListen, why});
  }
  port_ = net::local_port(fd_);
  http_port_ = http_port;
  thread_ = std::thread([this] { loop(); });
  return {};
}

void DiscoveryResponder::stop() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
  if (fd_ >= 0) net::close_socket(fd_);
  fd_ = -1;
}

std::string discovery_answer(std::string_view datagram, int http_port) {
  std::string answer =
      "{\"service\":\"upstander-classroom\",\"api\":1,\"port\":" + std::to_string(http_port) + "}";
  if (datagram.size() < kDiscoveryProbeSize || datagram.size() < answer.size()) return {};
  if (datagram.substr(0, kDiscoveryProbe.size()) != kDiscoveryProbe) return {};
  return answer;
}

void DiscoveryResponder::loop() {
  AddressRateLimiter limiter(2.0, 5.0, 4096);
  char buf[512];
  while (!stopping_) {
    pollfd p = net::poll_entry(fd_, POLLIN);
    if (net::poll_sockets(&p, 1, 200) <= 0) continue;
    sockaddr_in from{};
    const long n = net::recv_from(fd_, buf, sizeof buf, from);
    if (n < 0) continue;
    const std::string answer =
        discovery_answer(std::string_view(buf, static_cast<std::size_t>(n)), http_port_);
    if (answer.empty()) continue;
    char ip[INET_ADDRSTRLEN] = {};
    ::inet_ntop(AF_INET, &from.sin_addr, ip, sizeof ip);
    int retry = 0;
    const double now =
        std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    if (!limiter.allow(ip, now, retry)) continue;
    net::send_to(fd_, answer.data(), answer.size(), from);
  }
}

}  // namespace upstander::server
