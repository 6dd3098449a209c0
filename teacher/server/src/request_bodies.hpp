// The bodies of the join and session-creation requests, read into plain values with the
// strict JSON reader (unknown fields, wrong types and out-of-range values are refused).
// Kept apart from the endpoints so they can be fuzzed on their own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strict_json.hpp"

namespace upstander::server {

// {"code": "..."}: the code as typed (normalize_join_code() makes it canonical).
Result<std::string, BodyError> read_join_request(std::string_view body);

struct SessionRequest {
  std::vector<std::string> scenarios;
  std::string language;
  std::string name;  // the teacher's label, cleaned (session_name.hpp); "" when not given
  std::optional<std::int64_t> k;
  std::optional<bool> collect;
  std::optional<bool> survey;
  std::optional<std::int64_t> max_players;
  bool allow_drafts = false;
};

Result<SessionRequest, BodyError> read_session_request(std::string_view body);

// {"name": "..."}: a session's new name, cleaned ("" removes it).
Result<std::string, BodyError> read_rename_request(std::string_view body);

}  // namespace upstander::server
