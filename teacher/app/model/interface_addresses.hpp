// This computer's IPv4 addresses, from the platform (interface_addresses_*.cpp).
#pragma once

#include <string>
#include <vector>

namespace upstander::dashboard {

// The IPv4 addresses of the interfaces that are up, loopback left out, in the system's order.
std::vector<std::string> interface_addresses();

}  // namespace upstander::dashboard
