// Random bytes from Windows' system generator (BCryptGenRandom).
#include <windows.h>
// windows.h first: bcrypt.h needs its types.
#include <bcrypt.h>

#include "random_id.hpp"

namespace upstander::client {

void fill_random(void* out, std::size_t n) {
  while (!BCRYPT_SUCCESS(BCryptGenRandom(nullptr, static_cast<PUCHAR>(out), static_cast<ULONG>(n),
                                         BCRYPT_USE_SYSTEM_PREFERRED_RNG))) {
  }
}

}  // namespace upstander::client
