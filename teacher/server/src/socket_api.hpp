// The few socket calls whose spelling differs between POSIX and Winsock, so the poll loop
// and the discovery responder are written once (socket_api_posix.cpp, socket_api_windows.cpp).
#pragma once

#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#endif

#include <cstddef>
#include <string>

namespace upstander::server::net {

// Sockets are ints on both platforms: a Winsock SOCKET is a kernel handle, and Windows
// keeps handles within 32 bits (so 32- and 64-bit processes can share them); INVALID_SOCKET
// becomes -1 like a failed POSIX call.
using Socket = int;

// Starts Winsock once per process (nothing on POSIX); false if the stack is unusable.
bool startup();

// A non-blocking socket that child processes do not inherit; -1 on failure.
Socket open_socket(int family, int type, int protocol);
// Accepts one pending connection as a non-blocking, non-inherited socket; -1 if none.
Socket accept_socket(Socket listener, sockaddr_storage& peer);
void close_socket(Socket s);

// Lets a restarted server listen on its port at once. On Windows that is the default and
// SO_REUSEADDR would let another program take the port, so it asks for exclusive use.
void allow_quick_rebind(Socket s);
void set_no_delay(Socket s);
bool bind_socket(Socket s, const sockaddr* address, std::size_t length);
bool listen_socket(Socket s, int backlog);
// The port a socket is bound to, or 0.
int local_port(Socket s);

// Non-blocking send and receive (no SIGPIPE): bytes moved, 0 when the peer closed (recv),
// or -1 with would_block() telling a full/empty buffer from a real failure.
long send_some(Socket s, const char* data, std::size_t n);
long recv_some(Socket s, char* data, std::size_t n);
long recv_from(Socket s, char* data, std::size_t n, sockaddr_in& from);
long send_to(Socket s, const char* data, std::size_t n, const sockaddr_in& to);
// The last call failed only because it would have had to wait (or was interrupted).
bool would_block();
// The last accept failed because the process or system is out of descriptors.
bool out_of_descriptors();
// The last socket error as text, for messages to the operator.
std::string last_error_text();

pollfd poll_entry(Socket s, short events);
Socket polled_socket(const pollfd& p);
// poll(2) or WSAPoll; the number of ready entries, 0 on timeout, -1 on failure (an
// interrupted wait counts as a timeout).
int poll_sockets(pollfd* entries, std::size_t count, int timeout_ms);

// Wakes a poll loop from another thread: poll socket() for POLLIN, call drain() when it
// is readable. An eventfd on Linux, a loopback datagram socket talking to itself on Windows.
class Waker {
 public:
  Waker() = default;
  ~Waker();
  Waker(const Waker&) = delete;
  Waker& operator=(const Waker&) = delete;
  bool open();
  Socket socket() const { return fd_; }
  void wake();
  void drain();

 private:
  Socket fd_ = -1;
};

}  // namespace upstander::server::net
