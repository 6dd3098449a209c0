// This computer's IPv4 addresses and host name, from the platform (interface_addresses_*.cpp).
#pragma once

#include <string>
#include <vector>

namespace upstander::dashboard {

// The IPv4 addresses of the interfaces that are up, loopback left out, in the system's order.
std::vector<std::string> interface_addresses();
// This computer's host name as the system gives it ("" when it gives none).
std::string computer_name();

}  // namespace upstander::dashboard
