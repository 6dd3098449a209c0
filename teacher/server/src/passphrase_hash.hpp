// The teacher's sign-in passphrase kept only as a slow, salted hash (scrypt from OpenSSL,
// which the server already links for SHA-256): a copied data folder does not give the
// passphrase away, and guessing it offline costs 32 MiB and a tenth of a second a try.
#pragma once

#include <string>
#include <string_view>

namespace upstander::server {

// "scrypt$<log2 N>$<r>$<p>$<salt hex>$<hash hex>" with a fresh random salt; "" when
// OpenSSL or the kernel's randomness fails (then nothing must be stored).
std::string hash_passphrase(std::string_view passphrase);

// Whether `passphrase` is the one `stored` was made from. False for anything that is not
// a stored hash in the format above (a truncated file never lets anyone in).
bool verify_passphrase(std::string_view passphrase, std::string_view stored);

}  // namespace upstander::server
