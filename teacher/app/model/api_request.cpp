// Server addresses, answers and the dashboard's requests: no network here.
#include "api_request.hpp"

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

ApiResult make_result(int status, std::string raw, int retry_after) {
  ApiResult out;
  out.retry_after = retry_after;
  if (status == 0) {
    out.error_code = "unreachable";
    return out;
  }
  out.status = status;
  out.raw = std::move(raw);
  out.body = nlohmann::json::parse(out.raw, nullptr, false);
  if (out.body.is_discarded()) out.body = nullptr;
  if (!out.ok()) {
    out.error_code = "http_" + std::to_string(out.status);
    if (out.body.is_object() && out.body.contains("error") && out.body["error"].is_object() &&
        out.body["error"].contains("code") && out.body["error"]["code"].is_string())
      out.error_code = out.body["error"]["code"].get<std::string>();
  }
  return out;
}

namespace api {

ApiRequest get(const std::string& path) {
  return {"GET", path, ""};
}
ApiRequest post(const std::string& path, const nlohmann::json& body) {
  return {"POST", path, body.dump()};
}
ApiRequest put(const std::string& path, const nlohmann::json& body) {
  return {"PUT", path, body.dump()};
}
ApiRequest del(const std::string& path) {
  return {"DELETE", path, ""};
}

}  // namespace api

}  // namespace upstander::dashboard
