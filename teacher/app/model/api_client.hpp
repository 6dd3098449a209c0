// The dashboard's only way to the class's data: the teacher endpoints of the classroom
// server over HTTP, exactly as a dashboard on another machine would use them. Calls block;
// the dashboard makes them on its worker thread.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace upstander::dashboard {

struct ServerUrl {
  std::string host;
  int port = 8080;
  std::string text() const;  // "192.168.0.12:8080"
};

// Reads "http://HOST:PORT", "HOST:PORT" or "HOST" (port 8080); nullopt otherwise. Only
// plain HTTP: the server speaks nothing else.
std::optional<ServerUrl> parse_server_url(const std::string& text);

struct ApiResult {
  int status = 0;          // 0: the server did not answer
  nlohmann::json body;     // the parsed body, or null
  std::string raw;         // the body as received (exports)
  std::string error_code;  // error.code of an error answer, or "unreachable"

  bool ok() const { return status >= 200 && status < 300; }
};

class ApiClient {
 public:
  ApiClient(ServerUrl server, std::string teacher_token);
  ~ApiClient();
  ApiClient(const ApiClient&) = delete;
  ApiClient& operator=(const ApiClient&) = delete;

  const ServerUrl& server() const { return server_; }

  ApiResult get(const std::string& path) const;
  ApiResult post(const std::string& path, const nlohmann::json& body) const;
  ApiResult put(const std::string& path, const nlohmann::json& body) const;
  ApiResult del(const std::string& path) const;

  // Shorthands for the endpoints the dashboard uses.
  ApiResult health() const { return get("/api/v1/health"); }
  ApiResult scenarios() const { return get("/api/v1/teacher/scenarios"); }
  ApiResult sessions() const { return get("/api/v1/teacher/sessions"); }
  ApiResult create_session(const nlohmann::json& request) const {
    return post("/api/v1/teacher/sessions", request);
  }
  ApiResult session_action(const std::string& id, const std::string& action) const {
    return post("/api/v1/teacher/sessions/" + id + "/" + action, nlohmann::json::object());
  }
  ApiResult progress(const std::string& id) const {
    return get("/api/v1/teacher/sessions/" + id + "/progress");
  }
  ApiResult summary(const std::string& id) const {
    return get("/api/v1/teacher/sessions/" + id + "/summary");
  }
  ApiResult export_file(const std::string& id, const std::string& format) const {
    return get("/api/v1/teacher/sessions/" + id + "/export?format=" + format);
  }
  ApiResult delete_session(const std::string& id) const {
    return del("/api/v1/teacher/sessions/" + id);
  }
  ApiResult settings() const { return get("/api/v1/teacher/settings"); }
  ApiResult put_settings(const nlohmann::json& s) const {
    return put("/api/v1/teacher/settings", s);
  }
  // Sends the file's bytes as they are, so the server's diagnostics point at its lines.
  ApiResult add_pack(const std::string& scenario_text) const {
    return call("POST", "/api/v1/teacher/packs", nullptr, &scenario_text);
  }

 private:
  ApiResult call(const std::string& method, const std::string& path, const nlohmann::json* body,
                 const std::string* raw_body = nullptr) const;

  ServerUrl server_;
  std::string token_;
};

}  // namespace upstander::dashboard
