// SHA-256 (OpenSSL), for content hashes and for storing tokens only as hashes.
#pragma once

#include <string>
#include <string_view>

namespace upstander::server {

// The 32-byte digest.
std::string sha256(std::string_view data);
// The digest as 64 lowercase hex digits.
std::string sha256_hex(std::string_view data);
// Compares secrets in time independent of where they differ.
bool equal_secrets(std::string_view a, std::string_view b);

}  // namespace upstander::server
