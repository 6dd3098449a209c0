// The one error body every API endpoint answers with, {"error": {"code", "message",
// "details"}}: written by the server, read by the student client and the dashboard. A
// refusal that names a place in the request says so in details.pointer (a JSON pointer).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace upstander::protocol {

// `details` (optional, an object) becomes error.details. Text that is not UTF-8 is replaced,
// never thrown on: a message may quote a fragment of what a client sent.
std::string encode_api_error(std::string_view code, std::string_view message);
std::string encode_api_error(std::string_view code, std::string_view message,
                             const nlohmann::json& details);

struct ApiError {
  std::string code;  // empty when the body is not an error body
  std::string message;
  nlohmann::json details;  // error.details as sent (a pack's diagnostics), null when absent
  std::string pointer;     // error.details.pointer, empty when absent
};
ApiError decode_api_error(std::string_view body);

}  // namespace upstander::protocol
