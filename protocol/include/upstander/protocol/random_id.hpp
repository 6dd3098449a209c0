// Random ids, tokens and numbers from the system's generator (getentropy natively and under
// Emscripten, where it is the browser's crypto.getRandomValues; BCryptGenRandom on
// Windows), for both sides of the wire. The system is asked at most kRandomTries times: one
// that keeps refusing gets nullopt back, never a weak value and never an endless loop. The
// student's game then keeps the answer unsent and says so; the server answers 503.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace upstander::protocol {

inline constexpr int kRandomTries = 8;

// One request to a source of random bytes: fills `out` with `n` bytes or returns false.
using RandomSource = bool (*)(void* out, std::size_t n);
// The platform's generator, one attempt (random_bytes_<platform>.cpp).
bool system_random_once(void* out, std::size_t n);

// Fills `out` with `n` bytes, asking `source` at most kRandomTries times.
bool random_bytes(void* out, std::size_t n, RandomSource source = system_random_once);
// `bytes` random bytes as lowercase hex (2 * bytes characters).
std::optional<std::string> random_hex(std::size_t bytes, RandomSource source = system_random_once);
// An event id: 32 lowercase hex digits, 128 random bits, so ids made on different devices
// never meet. The server accepts 16-32 digits (is_event_id).
std::optional<std::string> random_event_id(RandomSource source = system_random_once);
bool is_event_id(std::string_view s);
// A uniformly random integer in [0, bound) without modulo bias; bound > 0.
std::optional<std::uint32_t> random_below(std::uint32_t bound,
                                          RandomSource source = system_random_once);
std::optional<std::uint64_t> random_seed(RandomSource source = system_random_once);

}  // namespace upstander::protocol
