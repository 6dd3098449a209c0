// Test client sockets on Winsock (blocking sockets, WSAPoll).
#include <winsock2.h>
#include <ws2tcpip.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>

#include "test_socket.hpp"

namespace upstander::test {

namespace {

SOCKET as_socket(int fd) {
  return static_cast<SOCKET>(static_cast<std::intptr_t>(fd));
}

int clamped_length(std::size_t n) {
  return static_cast<int>(std::min<std::size_t>(n, 1 << 30));
}

}  // namespace

int try_connect(int port, const std::string& source) {
  static const bool started = [] {
    WSADATA data{};
    return WSAStartup(MAKEWORD(2, 2), &data) == 0;
  }();
  REQUIRE(started);
  const SOCKET s = ::socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  REQUIRE(s != INVALID_SOCKET);
  if (!source.empty()) {
    sockaddr_in local{};
    local.sin_family = AF_INET;
    REQUIRE(inet_pton(AF_INET, source.c_str(), &local.sin_addr) == 1);
    REQUIRE(::bind(s, reinterpret_cast<sockaddr*>(&local), sizeof local) == 0);
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    MESSAGE("connect failed: Winsock error ", WSAGetLastError());
    ::closesocket(s);
    return -1;
  }
  return static_cast<int>(s);
}

int connect_from(int port, const std::string& source) {
  const int fd = try_connect(port, source);
  REQUIRE(fd >= 0);
  return fd;
}

std::string read_some(int fd, int ms) {
  WSAPOLLFD p{};
  p.fd = as_socket(fd);
  p.events = POLLIN;
  if (WSAPoll(&p, 1, ms) <= 0) return "";
  char buf[4096];
  const int n = ::recv(as_socket(fd), buf, sizeof buf, 0);
  return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
}

std::string read_until_closed(int fd, int ms, bool* closed) {
  std::string out;
  if (closed) *closed = false;
  char buf[4096];
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (std::chrono::steady_clock::now() < end) {
    WSAPOLLFD p{};
    p.fd = as_socket(fd);
    p.events = POLLIN;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          end - std::chrono::steady_clock::now())
                          .count();
    if (WSAPoll(&p, 1, static_cast<int>(std::max<long long>(1, left))) <= 0) continue;
    const int n = ::recv(as_socket(fd), buf, sizeof buf, 0);
    if (n <= 0) {
      if (closed) *closed = true;
      break;
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

bool send_all(int fd, const std::string& s) {
  std::size_t sent = 0;
  while (sent < s.size()) {
    const int n = ::send(as_socket(fd), s.data() + sent, clamped_length(s.size() - sent), 0);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

long send_once(int fd, const std::string& s) {
  return ::send(as_socket(fd), s.data(), clamped_length(s.size()), 0);
}

void close_socket(int fd) {
  ::closesocket(as_socket(fd));
}

}  // namespace upstander::test
