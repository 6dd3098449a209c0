// Sockets on Linux: accept4 and SOCK_NONBLOCK|SOCK_CLOEXEC, MSG_NOSIGNAL, poll and eventfd.
#include <fcntl.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "socket_api.hpp"

namespace upstander::server::net {

bool startup() {
  return true;
}

Socket open_socket(int family, int type, int protocol) {
  return ::socket(family, type | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
}

Socket accept_socket(Socket listener, sockaddr_storage& peer) {
  socklen_t len = sizeof peer;
  return ::accept4(listener, reinterpret_cast<sockaddr*>(&peer), &len,
                   SOCK_NONBLOCK | SOCK_CLOEXEC);
}

void close_socket(Socket s) {
  ::close(s);
}

void allow_quick_rebind(Socket s) {
  const int one = 1;
  ::setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
}

void set_no_delay(Socket s) {
  const int one = 1;
  ::setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

bool bind_socket(Socket s, const sockaddr* address, std::size_t length) {
  return ::bind(s, address, static_cast<socklen_t>(length)) == 0;
}

bool listen_socket(Socket s, int backlog) {
  return ::listen(s, backlog) == 0;
}

int local_port(Socket s) {
  sockaddr_storage ss{};
  socklen_t len = sizeof ss;
  if (::getsockname(s, reinterpret_cast<sockaddr*>(&ss), &len) != 0) return 0;
  if (ss.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in*>(&ss)->sin_port);
  if (ss.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6*>(&ss)->sin6_port);
  return 0;
}

long send_some(Socket s, const char* data, std::size_t n) {
  return ::send(s, data, n, MSG_DONTWAIT | MSG_NOSIGNAL);
}

long recv_some(Socket s, char* data, std::size_t n) {
  return ::recv(s, data, n, MSG_DONTWAIT);
}

long recv_from(Socket s, char* data, std::size_t n, sockaddr_in& from) {
  socklen_t len = sizeof from;
  return ::recvfrom(s, data, n, MSG_DONTWAIT, reinterpret_cast<sockaddr*>(&from), &len);
}

long send_to(Socket s, const char* data, std::size_t n, const sockaddr_in& to) {
  return ::sendto(s, data, n, MSG_DONTWAIT | MSG_NOSIGNAL, reinterpret_cast<const sockaddr*>(&to),
                  sizeof to);
}

bool would_block() {
  return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
}

bool out_of_descriptors() {
  return errno == EMFILE || errno == ENFILE;
}

std::string last_error_text() {
  return std::strerror(errno);
}

pollfd poll_entry(Socket s, short events) {
  return pollfd{s, events, 0};
}

Socket polled_socket(const pollfd& p) {
  return p.fd;
}

int poll_sockets(pollfd* entries, std::size_t count, int timeout_ms) {
  const int ready = ::poll(entries, count, timeout_ms);
  return ready < 0 && errno == EINTR ? 0 : ready;
}

Waker::~Waker() {
  if (fd_ >= 0) ::close(fd_);
}

bool Waker::open() {
  fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  return fd_ >= 0;
}

void Waker::wake() {
  const std::uint64_t one = 1;
  (void)!::write(fd_, &one, sizeof one);
}

void Waker::drain() {
  std::uint64_t n = 0;
  (void)!::read(fd_, &n, sizeof n);
}

}  // namespace upstander::server::net
