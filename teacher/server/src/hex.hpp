// Lowercase hexadecimal for hashes and tokens.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace upstander::server {

std::string to_hex(std::string_view bytes);
// nullopt unless `hex` is an even number of hex digits.
std::optional<std::string> from_hex(std::string_view hex);

}  // namespace upstander::server
