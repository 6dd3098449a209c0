// Random bytes from Windows' system generator (BCryptGenRandom): no seeding, no fallback.
#include <windows.h>
// windows.h first: bcrypt.h needs its types.
#include <bcrypt.h>

#include <algorithm>

#include "upstander/protocol/random_id.hpp"

namespace upstander::protocol {

bool system_random_once(void* out, std::size_t n) {
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

}  // namespace upstander::protocol
