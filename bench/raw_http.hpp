// A minimal HTTP/1.1 client for the load generator: one request per connection (as the
// student client does), from a chosen local address so each simulated student has an
// address of its own (127.x.y.z), and without any library between us and the socket.
#pragma once

#include <string>

namespace upstander::bench {

struct RawReply {
  int status = 0;  // 0: no answer (connection refused, reset, timeout)
  std::string body;
};

// A connected socket from `source_address` (any when empty), or -1.
int open_connection(int port, const std::string& source_address);

RawReply raw_request(int port, const std::string& source_address, const std::string& method,
                     const std::string& path, const std::string& token, const std::string& body,
                     int timeout_ms = 10000, const std::string& extra_headers = "");

}  // namespace upstander::bench
