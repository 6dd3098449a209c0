// SHA-256 in plain C++ (FIPS 180-4): the digest of every served file and of the content hash,
// the same natively, on Windows and in the browser, where there is no OpenSSL.
#pragma once

#include <string>
#include <string_view>

namespace upstander::protocol {

// The digest as 64 lowercase hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace upstander::protocol
