// Fuzz target: any bytes as the start of an HTTP request, framed by the server's front
// with its limits. A complete request never claims more bytes than it was given, and a
// head over the limit is refused rather than waited on.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "request_framer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace upstander::server;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  FramingLimits limits;
  const Framed f = frame_request(
      bytes, limits, [](std::string_view, std::string_view) { return std::size_t{4096}; });
  switch (f.state) {
    case Framed::State::Complete:
      if (f.total_bytes > size || f.head_bytes > limits.max_header_bytes ||
          f.total_bytes - f.head_bytes > 4096) {
        __builtin_trap();
      }
      break;
    case Framed::State::NeedMore:
      // Waiting for more is allowed only while the head could still fit, or for a body.
      if (f.head_bytes == 0 && size > limits.max_header_bytes + 1) __builtin_trap();
      break;
    case Framed::State::Reject:
      if (f.status < 400 || f.status > 499) __builtin_trap();
      break;
  }
  return 0;
}
