// Building JSON responses and errors.
#include "api_error.hpp"

#include <nlohmann/json.hpp>

#include "upstander/protocol/api_error_message.hpp"

namespace upstander::server {

namespace {
// Texts from clients are validated UTF-8, but a message may quote a fragment of input:
// replace rather than throw if anything slipped through.
constexpr auto kDump = nlohmann::json::error_handler_t::replace;
}  // namespace

ApiResponse json_response(int status, const nlohmann::json& body) {
  ApiResponse r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, kDump);
  return r;
}

ApiResponse json_response(int status, const nlohmann::ordered_json& body) {
  ApiResponse r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, kDump);
  return r;
}

ApiResponse error_response(int status, std::string_view code, std::string_view message) {
  ApiResponse r;
  r.status = status;
  r.body = protocol::encode_api_error(code, message);
  return r;
}

ApiResponse error_response(int status, std::string_view code, std::string_view message,
                           const nlohmann::json& details) {
  ApiResponse r;
  r.status = status;
  r.body = protocol::encode_api_error(code, message, details);
  return r;
}

ApiResponse unknown_session() {
  return error_response(404, "unknown_session", "there is no session with this id");
}

ApiResponse rate_limited(int retry_after_seconds) {
  ApiResponse r =
      error_response(429, "rate_limited", "too many requests from this address; try again shortly");
  r.headers.emplace_back("Retry-After", std::to_string(retry_after_seconds));
  return r;
}

}  // namespace upstander::server
