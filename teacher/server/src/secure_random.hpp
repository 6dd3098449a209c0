// Unpredictable bytes from the kernel, for tokens, join codes and pseudonyms.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace upstander::server {

// Fills `out` with `n` random bytes; false only if the kernel refuses (never silently weak).
bool random_bytes(void* out, std::size_t n);
// A uniformly random integer in [0, bound) without modulo bias; bound > 0.
std::uint32_t random_below(std::uint32_t bound);
// `bytes` random bytes as lowercase hex (2 * bytes characters).
std::string random_hex(std::size_t bytes);

}  // namespace upstander::server
