// Client sockets for the tests that speak HTTP byte by byte, slowly or badly, and for
// raw_exchange (server_test_support.hpp) (test_socket_posix.cpp, test_socket_windows.cpp). Sockets
// are ints on both platforms, as in the server (teacher/server/src/socket_api.hpp says why that is
// safe on Windows).
#pragma once

#include <string>

namespace upstander::test {

// A blocking TCP connection to 127.0.0.1:`port` from the local address `source` (another
// 127.x.y.z stands for another student's device; "" lets the system pick), or -1 when the
// server does not take it.
int try_connect(int port, const std::string& source);
// As try_connect, failing the test when the server does not take it.
int connect_from(int port, const std::string& source);
// What one read brings within `ms`; "" when nothing came or the peer closed.
std::string read_some(int fd, int ms);
// Everything readable within `ms`, until the peer closes (then `closed` is set).
std::string read_until_closed(int fd, int ms, bool* closed = nullptr);
// Sends all of `s`; false if the peer is gone.
bool send_all(int fd, const std::string& s);
// One send call: the bytes taken, or <= 0 when the peer is gone or refuses more.
long send_once(int fd, const std::string& s);
void close_socket(int fd);

}  // namespace upstander::test
