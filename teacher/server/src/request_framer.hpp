// Finds where one HTTP/1.1 request ends in the bytes read so far, with the limits checked
// before anything is buffered further: header bytes and count (431), request line (414),
// body size per route (413), and no chunked or ambiguous framing (411/400). The front
// reads a whole request this way before a worker thread ever sees it.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace upstander::server {

struct FramingLimits {
  std::size_t max_header_bytes = 16 * 1024;  // request line and headers together
  std::size_t max_header_count = 64;
  std::size_t max_request_line = 8 * 1024;
};

struct Framed {
  enum class State { NeedMore, Complete, Reject };
  State state = State::NeedMore;
  std::size_t head_bytes = 0;   // through the blank line; 0 while the head is incomplete
  std::size_t total_bytes = 0;  // head and body; set when the head is complete
  bool expects_continue = false;
  std::string method;
  std::string path;  // without the query
  // When rejected: the status and the API error code and message.
  int status = 0;
  std::string code;
  std::string message;
};

// `body_limit` gives the largest body the route for (method, path) accepts.
using BodyLimit = std::function<std::size_t(std::string_view method, std::string_view path)>;

Framed frame_request(std::string_view bytes, const FramingLimits& limits,
                     const BodyLimit& body_limit);

}  // namespace upstander::server
