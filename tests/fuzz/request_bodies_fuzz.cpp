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
  if (auto code = read_join_request(body)) {
    if (code->size() > 32) __builtin_trap();
    if (auto canonical = normalize_join_code(*code)) {
      if (normalize_join_code(*canonical) != canonical)
        __builtin_trap();  // canonical is a fixed point
    }
  } else if (code.error().status < 400 || code.error().status > 499) {
    __builtin_trap();
  }
  if (auto s = read_session_request(body)) {
    if (s->scenarios.empty() || s->scenarios.size() > 20 || s->language.empty()) __builtin_trap();
  } else if (s.error().status < 400 || s.error().status > 499) {
    __builtin_trap();
  }
  (void)normalize_join_code(body);
  return 0;
}
