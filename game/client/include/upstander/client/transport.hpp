// How the class core talks to the classroom server: one HTTP request at a time, started
// now and answered later, so the same core runs on a thread natively (cpp-httplib) and in
// the browser's single thread (fetch()). The core never blocks on a transport.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "upstander/client/server_address.hpp"

namespace upstander::client {

struct HttpRequest {
  ServerAddress server;  // ignored in the browser: the page's own origin is the server
  std::string method;    // "GET" or "POST"
  std::string path;      // "/api/v1/..."
  std::string token;     // sent as "Authorization: Bearer"; empty for none
  std::string body;      // JSON for POST
  // Further headers ("X-Upstander-CSRF" from the teacher's page in the browser).
  std::vector<std::pair<std::string, std::string>> headers = {};
};

struct HttpReply {
  bool reached = false;  // false: no connection, or it broke before an answer
  int status = 0;
  std::string body;
  int retry_after = 0;  // seconds, from Retry-After
};

class Transport {
 public:
  virtual ~Transport() = default;
  // Starts a request. The core starts the next one only after it took this one's reply.
  virtual void start(HttpRequest request) = 0;
  // The reply once it has arrived (then the transport is free again); nullopt before.
  virtual std::optional<HttpReply> take() = 0;
};

}  // namespace upstander::client
