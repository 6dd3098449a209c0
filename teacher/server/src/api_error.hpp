// API requests and responses without any HTTP library type, so the endpoints can be
// written and tested without a socket; and the one error shape every endpoint uses:
// {"error": {"code": "...", "message": "..."}}, encoded by the protocol library
// (upstander/protocol/api_error_message.hpp) that the clients read it with.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace upstander::server {

struct ApiRequest {
  std::string request_id;  // for the failure log (failure_log.hpp)
  std::string method;
  std::string path;
  std::map<std::string, std::string> query;
  std::string body;
  std::string content_type;
  std::string authorization;  // the Authorization header as sent
  std::string remote_addr;    // only for rate limits and the loopback check; never stored
  // For a browser signed in as the teacher (teacher_signin.hpp): the Cookie header, the
  // CSRF header, and what tells a page of this server from another site's.
  std::string cookie;
  std::string csrf;
  std::string host;
  std::string origin;
  std::string sec_fetch_site;
  std::string accept_language;
  std::vector<std::string> path_params;  // the {} parts of the route, in order
  // Set by authorization on student routes: whose events these are.
  std::int64_t player_id = 0;
  std::string player_session;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

ApiResponse json_response(int status, const nlohmann::json& body);
ApiResponse json_response(int status, const nlohmann::ordered_json& body);
// `details` (optional) is added as error.details.
ApiResponse error_response(int status, std::string_view code, std::string_view message);
ApiResponse error_response(int status, std::string_view code, std::string_view message,
                           const nlohmann::json& details);
ApiResponse rate_limited(int retry_after_seconds);
// 404 for a session id the store does not hold (every session route answers the same).
ApiResponse unknown_session();

}  // namespace upstander::server
