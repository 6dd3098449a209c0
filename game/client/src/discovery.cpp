// UDP discovery of classroom servers.
#include "upstander/client/discovery.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

#include <nlohmann/json.hpp>

namespace upstander::client {

namespace {

constexpr std::string_view kProbe = "UPSTANDER-DISCOVER 1";
constexpr std::size_t kProbeSize = 128;  // the server answers only probes at least this long

std::vector<std::string> broadcast_targets() {
  std::vector<std::string> out;
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) == 0) {
    for (ifaddrs* i = list; i != nullptr; i = i->ifa_next) {
      if (i->ifa_addr == nullptr || i->ifa_addr->sa_family != AF_INET) continue;
      if (!(i->ifa_flags & IFF_BROADCAST) || i->ifa_broadaddr == nullptr) continue;
      char ip[INET_ADDRSTRLEN] = {};
      inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(i->ifa_broadaddr)->sin_addr, ip,
                sizeof ip);
      out.emplace_back(ip);
    }
    freeifaddrs(list);
  }
  out.emplace_back("255.255.255.255");
  return out;
}

}  // namespace

std::vector<ServerAddress> discover_servers(const DiscoveryOptions& options) {
  std::vector<ServerAddress> found;
  const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return found;
  int on = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &on, sizeof on);
  std::string probe(kProbe);
  probe.resize(kProbeSize, ' ');
  for (const auto& target : options.targets.empty() ? broadcast_targets() : options.targets) {
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(options.port));
    if (inet_pton(AF_INET, target.c_str(), &to.sin_addr) != 1) continue;
    ::sendto(fd, probe.data(), probe.size(), 0, reinterpret_cast<sockaddr*>(&to), sizeof to);
  }
  const auto deadline = std::chrono::steady_clock::now() + options.wait;
  char buf[512];
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    sockaddr_in from{};
    socklen_t len = sizeof from;
    const ssize_t n = ::recvfrom(fd, buf, sizeof buf, 0, reinterpret_cast<sockaddr*>(&from), &len);
    if (n <= 0) continue;
    const auto j =
        nlohmann::json::parse(std::string_view(buf, static_cast<std::size_t>(n)), nullptr, false);
    if (!j.is_object() || j.value("service", "") != "upstander-classroom" || !j.contains("port") ||
        !j["port"].is_number_integer()) {
      continue;
    }
    char ip[INET_ADDRSTRLEN] = {};
    inet_ntop(AF_INET, &from.sin_addr, ip, sizeof ip);
    ServerAddress a{ip, j["port"].get<int>()};
    if (a.port > 0 && a.port <= 65535 && std::find(found.begin(), found.end(), a) == found.end())
      found.push_back(a);
  }
  ::close(fd);
  return found;
}

}  // namespace upstander::client
