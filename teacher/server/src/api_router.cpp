// Matching paths segment by segment.
#include "api_router.hpp"

#include <exception>
#include <optional>

#include "failure_log.hpp"

namespace upstander::server {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    const std::size_t end = path.find('/', i);
    const std::size_t stop = end == std::string_view::npos ? path.size() : end;
    out.push_back(path.substr(i, stop - i));
    i = stop;
  }
  return out;
}

void ApiRouter::add(std::string method, std::string_view pattern, Caller caller,
                    std::size_t max_body, std::function<ApiResponse(ApiRequest&)> handler) {
  Route r;
  r.method = std::move(method);
  for (auto s : split_path(pattern)) r.segments.emplace_back(s);
  r.caller = caller;
  r.max_body = max_body;
  r.handler = std::move(handler);
  routes_.push_back(std::move(r));
}

namespace {
bool matches(const Route& r, const std::vector<std::string_view>& parts,
             std::vector<std::string>& params) {
  if (r.segments.size() != parts.size()) return false;
  std::vector<std::string> found;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (r.segments[i] == "{}") {
      found.emplace_back(parts[i]);
    } else if (r.segments[i] != parts[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}
}  // namespace

bool is_json_media_type(std::string_view content_type) {
  // "application/json" with optional parameters; not "application/json-seq" or others
  // that only start the same.
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  constexpr std::string_view kJson = "application/json";
  if (type.size() != kJson.size()) return false;
  for (std::size_t i = 0; i < kJson.size(); ++i) {
    const char c = type[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != kJson[i]) return false;
  }
  return true;
}

const Route* ApiRouter::match(std::string_view method, std::string_view path,
                              std::vector<std::string>& params, bool& path_known) const {
  const auto parts = split_path(path);
  path_known = false;
  for (const auto& r : routes_) {
    std::vector<std::string> p;
    if (!matches(r, parts, p)) continue;
    path_known = true;
    if (r.method == method) {
      params = std::move(p);
      return &r;
    }
  }
  return nullptr;
}

std::size_t ApiRouter::body_limit(std::string_view method, std::string_view path) const {
  std::vector<std::string> params;
  bool known = false;
  const Route* r = match(method, path, params, known);
  return r ? r->max_body : 0;
}

ApiResponse ApiRouter::dispatch(
    ApiRequest& req,
    const std::function<std::optional<ApiResponse>(const Route&, ApiRequest&)>& authorize) const {
  bool known = false;
  const Route* r = match(req.method, req.path, req.path_params, known);
  if (r == nullptr) {
    if (known)
      return error_response(405, "method_not_allowed", "this path does not accept " + req.method);
    return error_response(404, "not_found", "there is no such API path");
  }
  if (req.body.size() > r->max_body) {
    return error_response(413, "body_too_large",
                          "the request body is larger than this endpoint accepts");
  }
  // JSON only: a browser form or a text/plain "simple request" cannot pass as an API call.
  if (!req.body.empty() && !is_json_media_type(req.content_type)) {
    return error_response(415, "unsupported_media_type", "send the body as application/json");
  }
  if (auto refused = authorize(*r, req)) return *refused;
  try {
    return r->handler(req);
  } catch (...) {
    log_exception(req.request_id, req.method, std::current_exception());
    return error_response(500, "internal", "the server could not handle this request");
  }
}

}  // namespace upstander::server
