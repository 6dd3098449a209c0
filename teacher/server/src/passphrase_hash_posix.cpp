// scrypt (OpenSSL) hashing and checking of the teacher's passphrase, on Linux.
#include "passphrase_hash.hpp"

#include <openssl/evp.h>

#include <cstdint>
#include <optional>

#include "hex.hpp"
#include "secure_random.hpp"
#include "sha256.hpp"

namespace upstander::server {

namespace {

// N = 2^15, r = 8, p = 1: OWASP's scrypt minimum, 32 MiB per hash.
constexpr int kLogN = 15;
constexpr std::uint64_t kR = 8;
constexpr std::uint64_t kP = 1;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
// A stored hash may not ask for more than this (a tampered file must not exhaust memory).
constexpr int kMaxLogN = 20;

std::optional<std::string> scrypt(std::string_view passphrase, std::string_view salt, int log_n,
                                  std::uint64_t r, std::uint64_t p) {
  std::string out(kHashBytes, '\0');
  const std::uint64_t n = std::uint64_t{1} << log_n;
  // OpenSSL's own memory cap (32 MiB by default) is exactly what N=2^15,r=8 needs plus its
  // bookkeeping, so give it room.
  const std::uint64_t maxmem = 128 * n * r * p + (std::uint64_t{16} << 20);
  if (EVP_PBE_scrypt(passphrase.data(), passphrase.size(),
                     reinterpret_cast<const unsigned char*>(salt.data()), salt.size(), n, r, p,
                     maxmem, reinterpret_cast<unsigned char*>(out.data()), out.size()) != 1) {
    return std::nullopt;
  }
  return out;
}

}  // namespace

std::string_view passphrase_scheme() {
  return "scrypt";
}

std::string hash_passphrase(std::string_view passphrase) {
  std::string salt(kSaltBytes, '\0');
  if (!random_bytes(salt.data(), salt.size())) return {};
  const auto hash = scrypt(passphrase, salt, kLogN, kR, kP);
  if (!hash) return {};
  return "scrypt$" + std::to_string(kLogN) + "$" + std::to_string(kR) + "$" + std::to_string(kP) +
         "$" + to_hex(salt) + "$" + to_hex(*hash);
}

bool verify_passphrase(std::string_view passphrase, std::string_view stored) {
  const auto f = passphrase_fields(stored);
  if (f.size() != 6 || f[0] != "scrypt") return false;
  const auto log_n = decimal_field(f[1], 3);
  const auto r = decimal_field(f[2], 3);
  const auto p = decimal_field(f[3], 3);
  const auto salt = from_hex(f[4]);
  const auto expected = from_hex(f[5]);
  if (!log_n || !r || !p || !salt || !expected) return false;
  if (*log_n < 10 || *log_n > kMaxLogN || *r < 1 || *r > 32 || *p < 1 || *p > 4) return false;
  if (salt->size() < 8 || expected->size() != kHashBytes) return false;
  const auto got = scrypt(passphrase, *salt, static_cast<int>(*log_n), *r, *p);
  return got && equal_secrets(*got, *expected);
}

}  // namespace upstander::server
