// The HTTP side of the server (the only place that includes httplib): limits, timeouts,
// the worker pool, the checks made before a body is read (rate, Host, Origin, size),
// and conversion to and from ApiRequest/ApiResponse.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "api_error.hpp"
#include "api_router.hpp"
#include "network_error.hpp"
#include "rate_limiter.hpp"
#include "request_guard.hpp"
#include "upstander/server/server_options.hpp"

namespace upstander::server {

class HttpFrontend {
 public:
  using Dispatch = std::function<ApiResponse(ApiRequest&)>;

  HttpFrontend(const ServerOptions& options, const ApiRouter& router, Dispatch dispatch);
  ~HttpFrontend();
  HttpFrontend(const HttpFrontend&) = delete;
  HttpFrontend& operator=(const HttpFrontend&) = delete;

  // Binds the listening socket; CannotListen when the address or port is taken.
  NetworkResult<void> bind();
  int port() const;
  // The bundle folder served at /, or "" when there is none.
  std::string web_root() const;
  // Serves on a background thread until stop().
  void start();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace upstander::server
