// One HTTP request to the classroom server (the client's only use of httplib). A new
// connection per request: students act every few seconds, and the server keeps no
// thread waiting on an idle connection.
#pragma once

#include <chrono>
#include <string>

#include "upstander/client/server_address.hpp"

namespace upstander::client {

struct HttpReply {
  bool reached = false;  // false: no connection, or it broke before an answer
  int status = 0;
  std::string body;
  int retry_after = 0;  // seconds, from Retry-After
};

struct HttpTimeouts {
  std::chrono::milliseconds connect{3000};
  std::chrono::milliseconds request{10000};
};

HttpReply http_call(const ServerAddress& server, const std::string& method, const std::string& path,
                    const std::string& token, const std::string& json_body, const HttpTimeouts& timeouts);

}  // namespace upstander::client
