// Answers students' UDP broadcast "is there an Upstander classroom server here?" with the
// HTTP port, so students need not type an address. The answer is never larger than the
// question (no amplification) and is rate-limited per address.
#pragma once

#include <atomic>
#include <string>
#include <string_view>
#include <thread>

#include "network_error.hpp"

namespace upstander::server {

// The probe a client sends; it is padded to kDiscoveryProbeSize bytes.
inline constexpr std::string_view kDiscoveryProbe = "UPSTANDER-DISCOVER 1";
inline constexpr std::size_t kDiscoveryProbeSize = 128;

// The answer to one datagram, or "" when it is not a probe or would be larger than the
// probe (no amplification). Pure, so it can be fuzzed.
std::string discovery_answer(std::string_view datagram, int http_port);

class DiscoveryResponder {
 public:
  ~DiscoveryResponder();
  // Binds UDP `port` on `address` and answers on a background thread.
  NetworkResult<void> start(const std::string& address, int port, int http_port);
  void stop();
  int port() const { return port_; }

 private:
  void loop();

  int fd_ = -1;
  int port_ = 0;
  int http_port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace upstander::server
