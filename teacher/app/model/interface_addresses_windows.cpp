// Network interfaces with GetAdaptersAddresses (iphlpapi), the host name with
// GetComputerNameExA (no Winsock start-up needed, unlike gethostname).
#include <winsock2.h>
#include <ws2tcpip.h>
// After winsock2.h: iphlpapi.h needs its types.
#include <iphlpapi.h>

#include <vector>

#include "interface_addresses.hpp"

namespace upstander::dashboard {

std::vector<std::string> interface_addresses() {
  std::vector<std::string> out;
  ULONG size = 16 * 1024;
  std::vector<unsigned char> buf;
  ULONG rc = ERROR_BUFFER_OVERFLOW;
  // The list can grow between the two calls; a few tries are enough.
  for (int tries = 0; tries < 3 && rc == ERROR_BUFFER_OVERFLOW; ++tries) {
    buf.resize(size);
    rc = GetAdaptersAddresses(
        AF_INET, GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST | GAA_FLAG_SKIP_DNS_SERVER,
        nullptr, reinterpret_cast<IP_ADAPTER_ADDRESSES*>(buf.data()), &size);
  }
  if (rc != NO_ERROR) return out;
  for (auto* a = reinterpret_cast<IP_ADAPTER_ADDRESSES*>(buf.data()); a; a = a->Next) {
    if (a->OperStatus != IfOperStatusUp || a->IfType == IF_TYPE_SOFTWARE_LOOPBACK) continue;
    for (auto* u = a->FirstUnicastAddress; u; u = u->Next) {
      if (u->Address.lpSockaddr->sa_family != AF_INET) continue;
      char text[INET_ADDRSTRLEN] = {};
      const auto* sin = reinterpret_cast<const sockaddr_in*>(u->Address.lpSockaddr);
      if (inet_ntop(AF_INET, &sin->sin_addr, text, sizeof text)) out.emplace_back(text);
    }
  }
  return out;
}

std::string computer_name() {
  char buf[256] = {};
  DWORD size = sizeof buf;
  if (!GetComputerNameExA(ComputerNameDnsHostname, buf, &size)) return {};
  return std::string(buf, size);
}

}  // namespace upstander::dashboard
