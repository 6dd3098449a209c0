// Finding the teacher's server on the local network: a UDP broadcast that servers answer
// with their HTTP port. Typing the address is the fallback when a network blocks broadcast.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "upstander/client/server_address.hpp"

namespace upstander::client {

struct DiscoveryOptions {
  int port = kDefaultDiscoveryPort;
  std::chrono::milliseconds wait{1500};
  // Where to send the probe; empty: every network's broadcast address and 255.255.255.255.
  std::vector<std::string> targets;
};

// Every server that answered within `wait`, each once, in the order they answered. Blocks
// for `wait`: call it off the UI thread.
std::vector<ServerAddress> discover_servers(const DiscoveryOptions& options = {});

}  // namespace upstander::client
