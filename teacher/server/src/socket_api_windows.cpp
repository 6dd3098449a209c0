// Sockets on Windows: Winsock 2 with WSAPoll; non-blocking by ioctlsocket, not inherited
// by WSA_FLAG_NO_HANDLE_INHERIT; the poll loop's wake-up is a loopback datagram socket.
#include <windows.h>

#include <cstdint>

#include "socket_api.hpp"

namespace upstander::server::net {

namespace {

SOCKET raw(Socket s) {
  return static_cast<SOCKET>(static_cast<std::intptr_t>(s));
}
Socket ours(SOCKET s) {
  return s == INVALID_SOCKET ? -1 : static_cast<Socket>(s);
}

bool make_nonblocking(SOCKET s) {
  u_long on = 1;
  return ::ioctlsocket(s, static_cast<long>(FIONBIO), &on) == 0;  // the macro is unsigned
}

int clamp_length(std::size_t n) {
  return static_cast<int>(n > 0x7fffffff ? 0x7fffffff : n);
}

}  // namespace

bool startup() {
  static const bool ok = [] {
    WSADATA data{};
    return ::WSAStartup(MAKEWORD(2, 2), &data) == 0;
  }();
  return ok;
}

Socket open_socket(int family, int type, int protocol) {
  if (!startup()) return -1;
  const SOCKET s = ::WSASocketW(family, type, protocol, nullptr, 0,
                                WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
  if (s == INVALID_SOCKET) return -1;
  if (!make_nonblocking(s)) {
    ::closesocket(s);
    return -1;
  }
  return ours(s);
}

Socket accept_socket(Socket listener, sockaddr_storage& peer) {
  int len = sizeof peer;
  const SOCKET s = ::accept(raw(listener), reinterpret_cast<sockaddr*>(&peer), &len);
  if (s == INVALID_SOCKET) return -1;
  // Accepted sockets inherit the listener's non-blocking mode; inheritance by children is
  // switched off on the handle itself.
  ::SetHandleInformation(reinterpret_cast<HANDLE>(s), HANDLE_FLAG_INHERIT, 0);
  make_nonblocking(s);
  return ours(s);
}

void close_socket(Socket s) {
  ::closesocket(raw(s));
}

void allow_quick_rebind(Socket s) {
  const BOOL on = TRUE;
  ::setsockopt(raw(s), SOL_SOCKET, SO_EXCLUSIVEADDRUSE, reinterpret_cast<const char*>(&on),
               sizeof on);
}

void set_no_delay(Socket s) {
  const BOOL on = TRUE;
  ::setsockopt(raw(s), IPPROTO_TCP, TCP_NODELAY, reinterpret_cast<const char*>(&on), sizeof on);
}

bool bind_socket(Socket s, const sockaddr* address, std::size_t length) {
  return ::bind(raw(s), address, clamp_length(length)) == 0;
}

bool listen_socket(Socket s, int backlog) {
  return ::listen(raw(s), backlog) == 0;
}

int local_port(Socket s) {
  sockaddr_storage ss{};
  int len = sizeof ss;
  if (::getsockname(raw(s), reinterpret_cast<sockaddr*>(&ss), &len) != 0) return 0;
  if (ss.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in*>(&ss)->sin_port);
  if (ss.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6*>(&ss)->sin6_port);
  return 0;
}

long send_some(Socket s, const char* data, std::size_t n) {
  return ::send(raw(s), data, clamp_length(n), 0);
}

long recv_some(Socket s, char* data, std::size_t n) {
  return ::recv(raw(s), data, clamp_length(n), 0);
}

long recv_from(Socket s, char* data, std::size_t n, sockaddr_in& from) {
  int len = sizeof from;
  return ::recvfrom(raw(s), data, clamp_length(n), 0, reinterpret_cast<sockaddr*>(&from), &len);
}

long send_to(Socket s, const char* data, std::size_t n, const sockaddr_in& to) {
  return ::sendto(raw(s), data, clamp_length(n), 0, reinterpret_cast<const sockaddr*>(&to),
                  sizeof to);
}

bool would_block() {
  const int e = ::WSAGetLastError();
  return e == WSAEWOULDBLOCK || e == WSAEINTR || e == WSAEINPROGRESS;
}

bool out_of_descriptors() {
  return ::WSAGetLastError() == WSAEMFILE;
}

std::string last_error_text() {
  const int e = ::WSAGetLastError();
  char text[256] = {};
  const DWORD n = ::FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
                                   nullptr, static_cast<DWORD>(e), 0, text, sizeof text, nullptr);
  std::string out(text, n);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == '.'))
    out.pop_back();
  return out.empty() ? "Winsock error " + std::to_string(e) : out;
}

pollfd poll_entry(Socket s, short events) {
  pollfd p{};
  p.fd = raw(s);
  p.events = events;
  return p;
}

Socket polled_socket(const pollfd& p) {
  return ours(p.fd);
}

int poll_sockets(pollfd* entries, std::size_t count, int timeout_ms) {
  const int ready = ::WSAPoll(entries, static_cast<ULONG>(count), timeout_ms);
  return ready == SOCKET_ERROR ? -1 : ready;
}

Waker::~Waker() {
  if (fd_ >= 0) close_socket(fd_);
}

bool Waker::open() {
  fd_ = open_socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
  if (fd_ < 0) return false;
  sockaddr_in self{};
  self.sin_family = AF_INET;
  self.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int len = sizeof self;
  // Bound to a free loopback port and connected to itself: only this process can wake it.
  if (::bind(raw(fd_), reinterpret_cast<sockaddr*>(&self), len) != 0 ||
      ::getsockname(raw(fd_), reinterpret_cast<sockaddr*>(&self), &len) != 0 ||
      ::connect(raw(fd_), reinterpret_cast<sockaddr*>(&self), len) != 0) {
    close_socket(fd_);
    fd_ = -1;
    return false;
  }
  return true;
}

void Waker::wake() {
  const char one = 1;
  ::send(raw(fd_), &one, 1, 0);
}

void Waker::drain() {
  char buf[64];
  while (::recv(raw(fd_), buf, sizeof buf, 0) > 0) {
  }
}

}  // namespace upstander::server::net
