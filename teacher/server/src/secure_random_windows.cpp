// Randomness from Windows' system generator (BCryptGenRandom): no seeding, no fallback.
#include <windows.h>
// windows.h first: bcrypt.h needs its types.
#include <bcrypt.h>

#include <algorithm>

#include "secure_random.hpp"

namespace upstander::server {

bool random_bytes(void* out, std::size_t n) {
  auto* p = static_cast<unsigned char*>(out);
  while (n > 0) {
    const ULONG chunk = static_cast<ULONG>(std::min<std::size_t>(n, 1u << 30));
    if (!BCRYPT_SUCCESS(BCryptGenRandom(nullptr, p, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
      return false;
    p += chunk;
    n -= chunk;
  }
  return true;
}

}  // namespace upstander::server
