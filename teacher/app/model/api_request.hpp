// One call to the classroom server's teacher API as data (method, path, body) and its
// answer, so the same dashboard runs over a blocking client on a thread (native) or the
// browser's fetch() polled each frame (teacher/app/web). The dashboard's endpoints are
// built here, in one place.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "upstander/result.hpp"

namespace upstander::dashboard {

struct ServerUrl {
  std::string host;
  int port = 8080;
  std::string text() const;  // "192.168.0.12:8080"
};

// Reads "http://HOST:PORT", "HOST:PORT" or "HOST" (port 8080); nullopt otherwise. Only
// plain HTTP: the server speaks nothing else.
std::optional<ServerUrl> parse_server_url(const std::string& text);

struct ApiRequest {
  std::string method;  // GET, POST, PUT, DELETE
  std::string path;    // "/api/v1/teacher/..."
  std::string body;    // JSON (or a pack file's bytes as they are); "" for none
};

// A 2xx answer.
struct ApiAnswer {
  int status = 0;
  nlohmann::json body;  // the parsed body, or null
  std::string raw;      // the body as received (exports)
};

// No answer, or an error answer: its {"error": ...} body read by the protocol library.
struct ApiFailure {
  int status = 0;          // 0: the server did not answer
  std::string code;        // error.code, "http_NNN" without one, or "unreachable"
  std::string message;     // error.message, "" without one
  nlohmann::json details;  // error.details (a refused pack's diagnostics), or null
  int retry_after = 0;     // seconds, from Retry-After (a rate-limited sign-in)
};

using ApiResult = Result<ApiAnswer, ApiFailure>;

// The answer as the dashboard reads it: a 2xx status is an ApiAnswer, anything else (0: not
// reached) an ApiFailure.
ApiResult make_result(int status, std::string raw, int retry_after = 0);

// The HTTP status either way (0: not reached), for code that treats both alike.
int status_of(const ApiResult& r);

// The endpoints the dashboard uses (docs/api.md).
namespace api {
ApiRequest get(const std::string& path);
ApiRequest post(const std::string& path, const nlohmann::json& body);
ApiRequest put(const std::string& path, const nlohmann::json& body);
ApiRequest del(const std::string& path);

inline ApiRequest health() {
  return get("/api/v1/health");
}
inline ApiRequest scenarios() {
  return get("/api/v1/teacher/scenarios");
}
inline ApiRequest sessions() {
  return get("/api/v1/teacher/sessions");
}
inline ApiRequest create_session(const nlohmann::json& request) {
  return post("/api/v1/teacher/sessions", request);
}
inline ApiRequest session_action(const std::string& id, const std::string& action) {
  return post("/api/v1/teacher/sessions/" + id + "/" + action, nlohmann::json::object());
}
inline ApiRequest progress(const std::string& id) {
  return get("/api/v1/teacher/sessions/" + id + "/progress");
}
inline ApiRequest summary(const std::string& id) {
  return get("/api/v1/teacher/sessions/" + id + "/summary");
}
inline ApiRequest export_file(const std::string& id, const std::string& format) {
  return get("/api/v1/teacher/sessions/" + id + "/export?format=" + format);
}
inline ApiRequest delete_session(const std::string& id) {
  return del("/api/v1/teacher/sessions/" + id);
}
inline ApiRequest settings() {
  return get("/api/v1/teacher/settings");
}
inline ApiRequest put_settings(const nlohmann::json& s) {
  return put("/api/v1/teacher/settings", s);
}
// Sends the file's bytes as they are, so the server's diagnostics point at its lines.
inline ApiRequest add_pack(std::string scenario_text) {
  return {"POST", "/api/v1/teacher/packs", std::move(scenario_text)};
}
// Author mode's drafts in the server's data folder, and play-from-here previews.
inline ApiRequest drafts() {
  return get("/api/v1/teacher/drafts");
}
inline ApiRequest draft(const std::string& id) {
  return get("/api/v1/teacher/drafts/" + id);
}
inline ApiRequest save_draft(const std::string& id, const std::string& text, bool autosave) {
  return put("/api/v1/teacher/drafts/" + id + (autosave ? "/autosave" : ""),
             nlohmann::json{{"text", text}});
}
inline ApiRequest preview(const std::string& text) {
  return post("/api/v1/teacher/previews", nlohmann::json{{"text", text}});
}
}  // namespace api

}  // namespace upstander::dashboard
