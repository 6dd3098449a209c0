// The protocol's version and the student API's paths: the one place both sides take them
// from. A change that an older game could not read bumps kProtocolVersion and the prefix.
#pragma once

#include <string_view>

namespace upstander::protocol {

inline constexpr int kProtocolVersion = 1;
inline constexpr std::string_view kApiPrefix = "/api/v1";

inline constexpr std::string_view kJoinPath = "/api/v1/join";
inline constexpr std::string_view kStudentContentPath = "/api/v1/student/content";
inline constexpr std::string_view kStudentSessionPath = "/api/v1/student/session";
inline constexpr std::string_view kStudentEventsPath = "/api/v1/student/events";

}  // namespace upstander::protocol
