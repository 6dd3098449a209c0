// Random event ids and seeds from the system's entropy (getentropy natively and under
// Emscripten, where it is the browser's crypto.getRandomValues; BCryptGenRandom on Windows).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace upstander::client {

// 32 lowercase hex digits: 128 random bits, so ids made on different devices never meet.
// Fills `out` with `n` (at most 256) bytes from the system's generator, retrying until it
// answers.
void fill_random(void* out, std::size_t n);
std::string random_event_id();
std::uint64_t random_seed();

}  // namespace upstander::client
