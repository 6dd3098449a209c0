// What students type to reach the server when discovery does not find it, and what the
// lobby's QR code holds.
#pragma once

#include <string>
#include <vector>

namespace upstander::dashboard {

// This computer's IPv4 addresses on its networks (not loopback), first the private ones
// (10/8, 172.16/12, 192.168/16) a school network uses.
std::vector<std::string> local_addresses();

// "upstander://join?server=HOST:PORT&code=CODE": the lobby's QR code.
std::string join_uri(const std::string& host_port, const std::string& code);

}  // namespace upstander::dashboard
