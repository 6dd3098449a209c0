// Blocking sockets, Connection: close, Content-Length bodies.
#include "raw_http.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>

namespace upstander::bench {

namespace {

bool complete(const std::string& r, std::size_t& body_at, std::size_t& length) {
  const auto end = r.find("\r\n\r\n");
  if (end == std::string::npos) return false;
  const auto cl = r.find("Content-Length: ");
  if (cl == std::string::npos || cl > end) return false;
  length = std::strtoul(r.c_str() + cl + 16, nullptr, 10);
  body_at = end + 4;
  return r.size() >= body_at + length;
}

}  // namespace

int open_connection(int port, const std::string& source) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  int on = 1;
  ::setsockopt(fd, IPPROTO_TCP, 1 /* TCP_NODELAY */, &on, sizeof on);
  if (!source.empty()) {
    ::setsockopt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &on, sizeof on);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    inet_pton(AF_INET, source.c_str(), &local.sin_addr);
    ::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local);
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

RawReply raw_request(int port, const std::string& source, const std::string& method,
                     const std::string& path, const std::string& token, const std::string& body,
                     int timeout_ms, const std::string& extra_headers) {
  RawReply out;
  const int fd = open_connection(port, source);
  if (fd < 0) return out;
  std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  if (!token.empty()) req += "Authorization: Bearer " + token + "\r\n";
  if (!body.empty()) req += "Content-Type: application/json\r\n";
  req += extra_headers;  // each line ending in \r\n
  req += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  std::size_t sent = 0;
  while (sent < req.size()) {
    const ssize_t n = ::send(fd, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      ::close(fd);
      return out;
    }
    sent += static_cast<std::size_t>(n);
  }
  std::string r;
  char buf[16384];
  std::size_t body_at = 0, length = 0;
  while (!complete(r, body_at, length)) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) break;
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    r.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  if (r.rfind("HTTP/1.1 ", 0) != 0 || !complete(r, body_at, length)) return out;
  out.status = std::atoi(r.c_str() + 9);
  out.body = r.substr(body_at, length);
  return out;
}

}  // namespace upstander::bench
