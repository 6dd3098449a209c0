// Server addresses, answers and the dashboard's requests: no network here.
#include "api_request.hpp"

#include <cstdlib>

#include "upstander/protocol/api_error_message.hpp"

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
  if (status == 0) return fail(ApiFailure{0, "unreachable", "", nullptr, retry_after});
  if (status < 200 || status >= 300) {
    protocol::ApiError e = protocol::decode_api_error(raw);
    if (e.code.empty()) e.code = "http_" + std::to_string(status);
    return fail(ApiFailure{status, std::move(e.code), std::move(e.message), std::move(e.details),
                           retry_after});
  }
  ApiAnswer out{status, nlohmann::json::parse(raw, nullptr, false), std::move(raw)};
  if (out.body.is_discarded()) out.body = nullptr;
  return out;
}

int status_of(const ApiResult& r) {
  return r.ok() ? r->status : r.error().status;
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
