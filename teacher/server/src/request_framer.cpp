// Request framing: a line scan of the head, nothing buffered past the limits.
#include "request_framer.hpp"

#include <algorithm>
#include <cctype>

namespace upstander::server {

namespace {

Framed reject(int status, std::string code, std::string message) {
  Framed f;
  f.state = Framed::State::Reject;
  f.status = status;
  f.code = std::move(code);
  f.message = std::move(message);
  return f;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// A Content-Length value: digits only, no sign, no list.
bool parse_length(std::string_view v, std::size_t& out) {
  if (v.empty() || v.size() > 15) return false;
  std::size_t n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  out = n;
  return true;
}

// "POST /api/v1/events?x=1 HTTP/1.1" -> method and path.
bool parse_request_line(std::string_view line, Framed& f) {
  line = trim(line);
  const auto sp1 = line.find(' ');
  const auto sp2 = line.rfind(' ');
  if (sp1 == std::string_view::npos || sp2 == sp1) return false;
  f.method = std::string(line.substr(0, sp1));
  const std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  f.path = std::string(target.substr(0, target.find('?')));
  return line.substr(sp2 + 1).substr(0, 5) == "HTTP/";
}

}  // namespace

Framed frame_request(std::string_view bytes, const FramingLimits& limits,
                     const BodyLimit& body_limit) {
  Framed f;
  const std::size_t first_end = bytes.find('\n');
  if (first_end == std::string_view::npos) {
    if (bytes.size() > limits.max_request_line)
      return reject(414, "uri_too_long", "the request line is too long");
    return f;
  }
  if (first_end > limits.max_request_line)
    return reject(414, "uri_too_long", "the request line is too long");
  Framed head;
  if (!parse_request_line(bytes.substr(0, first_end), head)) {
    return reject(400, "bad_request", "the request could not be read");
  }
  std::size_t pos = first_end + 1;
  std::size_t count = 0;
  bool has_length = false, chunked = false;
  std::size_t length = 0;
  while (true) {
    const std::size_t end = bytes.find('\n', pos);
    const std::size_t limit = limits.max_header_bytes;
    if (end == std::string_view::npos) {
      if (bytes.size() > limit)
        return reject(431, "headers_too_large", "the request headers are too large");
      return f;  // need more
    }
    if (end + 1 > limit)
      return reject(431, "headers_too_large", "the request headers are too large");
    std::string_view line = bytes.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line == "\r") break;
    if (++count > limits.max_header_count)
      return reject(431, "too_many_headers", "the request has too many headers");
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || line.front() == ' ' ||
        line.front() == '\t') {
      return reject(400, "bad_request", "the request could not be read");
    }
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = trim(line.substr(colon + 1));
    if (iequals(name, "Content-Length")) {
      std::size_t n = 0;
      if (!parse_length(value, n) || (has_length && n != length)) {
        return reject(400, "bad_request", "the Content-Length header is not one whole number");
      }
      has_length = true;
      length = n;
    } else if (iequals(name, "Transfer-Encoding")) {
      chunked = true;
    } else if (iequals(name, "Expect")) {
      head.expects_continue = iequals(value, "100-continue");
    }
  }
  if (chunked)
    return reject(411, "length_required",
                  "send the body with a Content-Length header, not chunked");
  const std::size_t cap = body_limit ? body_limit(head.method, head.path) : 0;
  if (length > cap)
    return reject(413, "body_too_large", "the request body is larger than this endpoint accepts");
  head.head_bytes = pos;
  head.total_bytes = pos + length;
  head.state = bytes.size() >= head.total_bytes ? Framed::State::Complete : Framed::State::NeedMore;
  return head;
}

}  // namespace upstander::server
