// The class core's Transport in the browser: the page's own fetch(), same-origin (the
// classroom server serves the game, so the page's origin is the server; the request's
// server address is ignored). Compiled only under Emscripten.
#pragma once

#include <optional>
#include <string>

#include "upstander/client/server_address.hpp"
#include "upstander/client/transport.hpp"

namespace upstander::client::web {

class FetchTransport final : public Transport {
 public:
  // Whether the page's cookies go with the requests: never for a student (the token is the
  // student's only credential); the teacher's page signs in with an HttpOnly cookie.
  enum class Cookies { Omit, SameOrigin };

  // A request without an answer after `timeout_ms` is given up (reached = false).
  explicit FetchTransport(int timeout_ms = 10000, Cookies cookies = Cookies::Omit);
  ~FetchTransport() override;
  FetchTransport(const FetchTransport&) = delete;
  FetchTransport& operator=(const FetchTransport&) = delete;

  void start(HttpRequest request) override;
  std::optional<HttpReply> take() override;

 private:
  int timeout_ms_;
  Cookies cookies_;
  int id_ = 0;  // the request in flight on the JavaScript side; 0: none
};

// The page's own server (location.hostname and port), for showing where the class is.
ServerAddress page_server();
// A parameter of the page's address: app::browser::query_parameter (game/app/web/).

}  // namespace upstander::client::web
