// The route table of /api/v1: method and path pattern ("/api/v1/teacher/sessions/{id}")
// to a handler, with who may call it and how large its body may be. Unknown paths are
// 404, known paths with another method 405. A handler's exception becomes a JSON 500.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api_error.hpp"

namespace upstander::server {

enum class Caller { Anyone, Student, Teacher };

struct Route {
  std::string method;
  std::vector<std::string> segments;  // "{}" matches one path segment
  Caller caller = Caller::Anyone;
  std::size_t max_body = 0;  // requests without a body use a small limit
  std::function<ApiResponse(ApiRequest&)> handler;
};

class ApiRouter {
 public:
  void add(std::string method, std::string_view pattern, Caller caller, std::size_t max_body,
           std::function<ApiResponse(ApiRequest&)> handler);

  // The route for a request, filling path_params; nullptr when none matches. `path_known`
  // tells apart "no such path" (404) from "not with this method" (405).
  const Route* match(std::string_view method, std::string_view path,
                     std::vector<std::string>& params, bool& path_known) const;

  // The largest body the route for this path and method accepts (checked before the body
  // is read); 0 when there is no such route.
  std::size_t body_limit(std::string_view method, std::string_view path) const;

  // Every route, in the order added (tests check each teacher route's refusals).
  const std::vector<Route>& routes() const { return routes_; }

  // Routing and calling; `authorize` decides 401/403 for Student/Teacher routes.
  ApiResponse dispatch(
      ApiRequest& req,
      const std::function<std::optional<ApiResponse>(const Route&, ApiRequest&)>& authorize) const;

 private:
  std::vector<Route> routes_;
};

std::vector<std::string_view> split_path(std::string_view path);
// "application/json", any case, with or without parameters ("; charset=utf-8").
bool is_json_media_type(std::string_view content_type);

}  // namespace upstander::server
