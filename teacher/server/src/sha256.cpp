// SHA-256 through OpenSSL's one-shot API.
#include "sha256.hpp"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include "hex.hpp"

namespace upstander::server {

std::string sha256(std::string_view data) {
  std::string digest(SHA256_DIGEST_LENGTH, '\0');
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(),
         reinterpret_cast<unsigned char*>(digest.data()));
  return digest;
}

std::string sha256_hex(std::string_view data) {
  return to_hex(sha256(data));
}

bool equal_secrets(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace upstander::server
