// SHA-256 through Windows' CNG (bcrypt), so the Windows build needs no OpenSSL.
#include <windows.h>
// windows.h first: bcrypt.h needs its types.
#include <bcrypt.h>

#include <cstdlib>

#include "hex.hpp"
#include "sha256.hpp"

namespace upstander::server {

std::string sha256(std::string_view data) {
  std::string digest(32, '\0');
  BCRYPT_ALG_HANDLE alg = nullptr;
  BCRYPT_HASH_HANDLE hash = nullptr;
  bool ok = BCRYPT_SUCCESS(BCryptOpenAlgorithmProvider(&alg, BCRYPT_SHA256_ALGORITHM, nullptr, 0));
  ok = ok && BCRYPT_SUCCESS(BCryptCreateHash(alg, &hash, nullptr, 0, nullptr, 0, 0));
  // BCryptHashData takes a non-const pointer but only reads; lengths are taken in slices.
  auto* p = reinterpret_cast<PUCHAR>(const_cast<char*>(data.data()));
  std::size_t left = data.size();
  while (ok && left > 0) {
    const ULONG chunk = static_cast<ULONG>(left > (1u << 30) ? (1u << 30) : left);
    ok = BCRYPT_SUCCESS(BCryptHashData(hash, p, chunk, 0));
    p += chunk;
    left -= chunk;
  }
  ok = ok && BCRYPT_SUCCESS(BCryptFinishHash(hash, reinterpret_cast<PUCHAR>(digest.data()), 32, 0));
  if (hash) BCryptDestroyHash(hash);
  if (alg) BCryptCloseAlgorithmProvider(alg, 0);
  // A content hash that silently differs would let a changed pack pass as the same one.
  if (!ok) std::abort();
  return digest;
}

std::string sha256_hex(std::string_view data) {
  return to_hex(sha256(data));
}

bool equal_secrets(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  // Every byte is compared whatever the earlier ones were: the time says nothing.
  volatile unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    diff = static_cast<unsigned char>(
        diff | (static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i])));
  return diff == 0;
}

}  // namespace upstander::server
