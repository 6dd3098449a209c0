// Fuzz target: any bytes as the body of a join and of a session-creation request (and the
// code normalizer behind the join).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "join_code.hpp"
#include "request_bodies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace upstander::server;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  BodyError join_error;
  if (auto code = read_join_request(body, join_error)) {
    if (code->size() > 32) __builtin_trap();
    if (auto canonical = normalize_join_code(*code)) {
      if (normalize_join_code(*canonical) != canonical)
        __builtin_trap();  // canonical is a fixed point
    }
  } else if (join_error.status < 400 || join_error.status > 499) {
    __builtin_trap();
  }
  BodyError session_error;
  if (auto s = read_session_request(body, session_error)) {
    if (s->scenarios.empty() || s->scenarios.size() > 20 || s->language.empty()) __builtin_trap();
  } else if (session_error.status < 400 || session_error.status > 499) {
    __builtin_trap();
  }
  (void)normalize_join_code(body);
  return 0;
}
