// PBKDF2-HMAC-SHA256 (Windows' CNG) hashing and checking of the teacher's passphrase, on
// Windows, where the server links no OpenSSL and so has no scrypt.
#include <windows.h>
// windows.h first: bcrypt.h needs its types.
#include <bcrypt.h>

#include "hex.hpp"
#include "passphrase_hash.hpp"
#include "secure_random.hpp"
#include "sha256.hpp"

namespace upstander::server {

namespace {

// OWASP's figure for PBKDF2-HMAC-SHA256 (2023): about a third of a second on a school PC.
constexpr std::uint64_t kRounds = 600'000;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
// A stored hash must ask for at least OWASP's older minimum and at most what a tampered
// file may make a sign-in cost (about ten seconds).
constexpr std::uint64_t kMinRounds = 100'000;
constexpr std::uint64_t kMaxRounds = 20'000'000;

std::optional<std::string> pbkdf2(std::string_view passphrase, std::string_view salt,
                                  std::uint64_t rounds) {
  BCRYPT_ALG_HANDLE alg = nullptr;
  if (!BCRYPT_SUCCESS(BCryptOpenAlgorithmProvider(&alg, BCRYPT_SHA256_ALGORITHM, nullptr,
                                                  BCRYPT_ALG_HANDLE_HMAC_FLAG))) {
    return std::nullopt;
  }
  std::string out(kHashBytes, '\0');
  // CNG takes non-const pointers but only reads the passphrase and salt.
  auto* pass = reinterpret_cast<PUCHAR>(const_cast<char*>(passphrase.data()));
  auto* salt_bytes = reinterpret_cast<PUCHAR>(const_cast<char*>(salt.data()));
  const bool ok = BCRYPT_SUCCESS(BCryptDeriveKeyPBKDF2(
      alg, pass, static_cast<ULONG>(passphrase.size()), salt_bytes, static_cast<ULONG>(salt.size()),
      rounds, reinterpret_cast<PUCHAR>(out.data()), static_cast<ULONG>(out.size()), 0));
  BCryptCloseAlgorithmProvider(alg, 0);
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace

std::string_view passphrase_scheme() {
  return "pbkdf2-sha256";
}

std::string hash_passphrase(std::string_view passphrase) {
  std::string salt(kSaltBytes, '\0');
  if (!random_bytes(salt.data(), salt.size())) return {};
  const auto hash = pbkdf2(passphrase, salt, kRounds);
  if (!hash) return {};
  return std::string(passphrase_scheme()) + "$" + std::to_string(kRounds) + "$" + to_hex(salt) +
         "$" + to_hex(*hash);
}

bool verify_passphrase(std::string_view passphrase, std::string_view stored) {
  const auto f = passphrase_fields(stored);
  if (f.size() != 4 || f[0] != passphrase_scheme()) return false;
  const auto rounds = decimal_field(f[1], 8);
  const auto salt = from_hex(f[2]);
  const auto expected = from_hex(f[3]);
  if (!rounds || !salt || !expected) return false;
  if (*rounds < kMinRounds || *rounds > kMaxRounds) return false;
  if (salt->size() < 8 || expected->size() != kHashBytes) return false;
  const auto got = pbkdf2(passphrase, *salt, *rounds);
  return got && equal_secrets(*got, *expected);
}

}  // namespace upstander::server
