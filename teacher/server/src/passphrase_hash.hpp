// The teacher's sign-in passphrase kept only as a slow, salted hash: a copied data folder
// does not give the passphrase away. Each platform hashes with what it has, and the stored
// text names its scheme: scrypt from OpenSSL on Linux (32 MiB and a tenth of a second a
// try, passphrase_hash_posix.cpp), PBKDF2-HMAC-SHA256 from Windows' CNG there (no OpenSSL;
// 600,000 rounds, OWASP's figure, passphrase_hash_windows.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace upstander::server {

// This platform's scheme, the stored hash's first field: "scrypt" or "pbkdf2-sha256".
std::string_view passphrase_scheme();

// "scrypt$<log2 N>$<r>$<p>$<salt hex>$<hash hex>" or
// "pbkdf2-sha256$<rounds>$<salt hex>$<hash hex>", with a fresh random salt; "" when the
// hashing or the system's randomness fails (then nothing must be stored).
std::string hash_passphrase(std::string_view passphrase);

// Whether `stored` is in this platform's scheme. One made on another platform (a data
// folder copied from Linux to Windows) cannot be checked here: the teacher signs in with
// the printed link and sets the passphrase again.
bool passphrase_hash_checkable(std::string_view stored);

// Whether `passphrase` is the one `stored` was made from. False for anything that is not
// a stored hash in this platform's format (a truncated file never lets anyone in).
bool verify_passphrase(std::string_view passphrase, std::string_view stored);

// For the per-platform files: the '$'-separated fields, and a decimal field of at most
// `max_digits` digits.
std::vector<std::string_view> passphrase_fields(std::string_view stored);
std::optional<std::uint64_t> decimal_field(std::string_view s, std::size_t max_digits);

}  // namespace upstander::server
