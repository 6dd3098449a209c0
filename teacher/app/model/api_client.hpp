// The native dashboard's way to the class's data: the teacher endpoints of the classroom
// server over HTTP (cpp-httplib), exactly as a dashboard on another machine would use them.
// Calls block; the dashboard makes them on its worker thread (ApiWorker), tests directly.
#pragma once

#include <string>

#include "api_request.hpp"

namespace upstander::dashboard {

class ApiClient {
 public:
  ApiClient(ServerUrl server, std::string teacher_token);
  ~ApiClient();
  ApiClient(const ApiClient&) = delete;
  ApiClient& operator=(const ApiClient&) = delete;

  const ServerUrl& server() const { return server_; }

  ApiResult send(const ApiRequest& request) const;

  ApiResult get(const std::string& path) const { return send(api::get(path)); }
  ApiResult post(const std::string& path, const nlohmann::json& body) const {
    return send(api::post(path, body));
  }
  ApiResult put(const std::string& path, const nlohmann::json& body) const {
    return send(api::put(path, body));
  }
  ApiResult del(const std::string& path) const { return send(api::del(path)); }

  // Shorthands for the endpoints the tests use.
  ApiResult health() const { return send(api::health()); }
  ApiResult summary(const std::string& id) const { return send(api::summary(id)); }
  ApiResult export_file(const std::string& id, const std::string& format) const {
    return send(api::export_file(id, format));
  }

 private:
  ServerUrl server_;
  std::string token_;
};

}  // namespace upstander::dashboard
