// HTTP calls with cpp-httplib: a new connection per call (the server closes idle ones
// after 2 s anyway), short timeouts, errors turned into ApiResult codes.
#include "api_client.hpp"

#include <httplib.h>

#include <cstdlib>

namespace upstander::dashboard {

std::string ServerUrl::text() const {
  const bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

std::optional<ServerUrl> parse_server_url(const std::string& text) {
  std::string rest = text;
  if (rest.rfind("http://", 0) == 0) rest = rest.substr(7);
  if (rest.find("://") != std::string::npos) return std::nullopt;
  while (!rest.empty() && rest.back() == '/') rest.pop_back();
  if (rest.empty() || rest.find('/') != std::string::npos) return std::nullopt;
  ServerUrl url;
  std::string port;
  if (rest.front() == '[') {
    const auto close = rest.find(']');
    if (close == std::string::npos) return std::nullopt;
    url.host = rest.substr(1, close - 1);
    if (close + 1 < rest.size()) {
      if (rest[close + 1] != ':') return std::nullopt;
      port = rest.substr(close + 2);
    }
  } else {
    const auto colon = rest.rfind(':');
    url.host = rest.substr(0, colon);
    if (colon != std::string::npos) port = rest.substr(colon + 1);
  }
  if (url.host.empty()) return std::nullopt;
  if (!port.empty()) {
    char* end = nullptr;
    const long p = std::strtol(port.c_str(), &end, 10);
    if (*end != '\0' || p < 1 || p > 65535) return std::nullopt;
    url.port = static_cast<int>(p);
  }
  return url;
}

ApiClient::ApiClient(ServerUrl server, std::string teacher_token)
    : server_(std::move(server)), token_(std::move(teacher_token)) {}

ApiClient::~ApiClient() = default;

ApiResult ApiClient::get(const std::string& path) const {
  return call("GET", path, nullptr);
}
ApiResult ApiClient::post(const std::string& path, const nlohmann::json& body) const {
  return call("POST", path, &body);
}
ApiResult ApiClient::put(const std::string& path, const nlohmann::json& body) const {
  return call("PUT", path, &body);
}
ApiResult ApiClient::del(const std::string& path) const {
  return call("DELETE", path, nullptr);
}

ApiResult ApiClient::call(const std::string& method, const std::string& path, const nlohmann::json* body,
                          const std::string* raw_body) const {
  httplib::Client cli(server_.host, server_.port);
  cli.set_connection_timeout(3, 0);
  cli.set_read_timeout(10, 0);
  cli.set_write_timeout(10, 0);
  cli.set_keep_alive(false);
  cli.set_bearer_token_auth(token_.c_str());
  const std::string text = raw_body ? *raw_body : body ? body->dump() : std::string();
  httplib::Result res = method == "GET"    ? cli.Get(path.c_str())
                        : method == "POST" ? cli.Post(path.c_str(), text, "application/json")
                        : method == "PUT"  ? cli.Put(path.c_str(), text, "application/json")
                                           : cli.Delete(path.c_str());
  ApiResult out;
  if (!res) {
    out.error_code = "unreachable";
    return out;
  }
  out.status = res->status;
  out.raw = res->body;
  out.body = nlohmann::json::parse(res->body, nullptr, false);
  if (out.body.is_discarded()) out.body = nullptr;
  if (!out.ok()) {
    out.error_code = "http_" + std::to_string(out.status);
    if (out.body.is_object() && out.body.contains("error") && out.body["error"].is_object() &&
        out.body["error"].contains("code") && out.body["error"]["code"].is_string())
      out.error_code = out.body["error"]["code"].get<std::string>();
  }
  return out;
}

}  // namespace upstander::dashboard
