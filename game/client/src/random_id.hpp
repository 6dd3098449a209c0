// Random event ids and seeds from the system's entropy (getrandom natively, the browser's
// crypto.getRandomValues under Emscripten, both behind getentropy).
#pragma once

#include <cstdint>
#include <string>

namespace upstander::client {

// 32 lowercase hex digits: 128 random bits, so ids made on different devices never meet.
std::string random_event_id();
std::uint64_t random_seed();

}  // namespace upstander::client
