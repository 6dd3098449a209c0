// SHA-256 in plain C++ (FIPS 180-4), so the class core checks served content the same way
// natively and in the browser, where there is no OpenSSL.
#pragma once

#include <string>
#include <string_view>

namespace upstander::client {

// The digest as 64 lowercase hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace upstander::client
