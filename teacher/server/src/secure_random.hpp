// Unpredictable bytes, tokens and numbers for the server: the protocol's bounded generator
// (upstander/protocol/random_id.hpp). nullopt means the system refused; callers answer
// 503 rather than hand out a weak token.
#pragma once

#include "upstander/protocol/random_id.hpp"

namespace upstander::server {

using protocol::random_below;
using protocol::random_bytes;
using protocol::random_hex;

}  // namespace upstander::server
