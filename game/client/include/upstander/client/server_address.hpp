// Where the classroom server is: found by discovery or typed by a student ("10.0.0.5:8080").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace upstander::client {

inline constexpr int kDefaultServerPort = 8080;
inline constexpr int kDefaultDiscoveryPort = 47810;

struct ServerAddress {
  std::string host;  // an IP address or a host name
  int port = kDefaultServerPort;

  bool operator==(const ServerAddress&) const = default;
};

// Reads "host", "host:port", "[v6]:port" or "http://host:port/"; nullopt when it is not an
// address (the game then asks again).
std::optional<ServerAddress> parse_server_address(std::string_view typed);

}  // namespace upstander::client
