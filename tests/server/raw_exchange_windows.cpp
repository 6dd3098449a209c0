// raw_exchange over Winsock (blocking sockets and WSAPoll).
#include <winsock2.h>
#include <ws2tcpip.h>

#include <doctest/doctest.h>

#include <cstdint>

#include "server_test_support.hpp"

namespace upstander::test {

std::string raw_exchange(int port, const std::string& bytes, int timeout_ms,
                         const std::string& source) {
  static const bool started = [] {
    WSADATA data{};
    return WSAStartup(MAKEWORD(2, 2), &data) == 0;
  }();
  REQUIRE(started);
  const SOCKET fd = ::socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  REQUIRE(fd != INVALID_SOCKET);
  if (!source.empty()) {
    sockaddr_in local{};
    local.sin_family = AF_INET;
    REQUIRE(inet_pton(AF_INET, source.c_str(), &local.sin_addr) == 1);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) == 0);
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string out;
  const int connected = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  if (connected != 0) MESSAGE("connect failed: Winsock error ", WSAGetLastError());
  if (connected == 0) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      const int n = ::send(fd, bytes.data() + sent, static_cast<int>(bytes.size() - sent), 0);
      if (n <= 0) break;
      sent += static_cast<std::size_t>(n);
    }
    // No shutdown(SD_SEND): a half-closed socket looks gone to the server.
    char buf[4096];
    while (!response_complete(out)) {
      WSAPOLLFD p{};
      p.fd = fd;
      p.events = POLLIN;
      if (WSAPoll(&p, 1, timeout_ms) <= 0) break;
      const int n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, static_cast<std::size_t>(n));
    }
  }
  ::closesocket(fd);
  return out;
}

}  // namespace upstander::test
