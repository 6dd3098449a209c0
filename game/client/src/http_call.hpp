// HTTP to the classroom server with cpp-httplib (the client's only use of it): one
// blocking request, and the Transport the native build gives the class core, which runs
// those requests on a thread of its own. A new connection per request: students act every
// few seconds, and the server keeps no thread waiting on an idle connection.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "upstander/client/transport.hpp"

namespace upstander::client {

struct HttpTimeouts {
  std::chrono::milliseconds connect{3000};
  std::chrono::milliseconds request{10000};
};

HttpReply http_call(const HttpRequest& request, const HttpTimeouts& timeouts);

class HttpTransport final : public Transport {
 public:
  // `on_reply` runs on the transport's thread when a reply is ready to take().
  HttpTransport(HttpTimeouts timeouts, std::function<void()> on_reply);
  // Waits for a request in flight (bounded by the timeouts).
  ~HttpTransport() override;
  HttpTransport(const HttpTransport&) = delete;
  HttpTransport& operator=(const HttpTransport&) = delete;

  void start(HttpRequest request) override;
  std::optional<HttpReply> take() override;

 private:
  void run();

  HttpTimeouts timeouts_;
  std::function<void()> on_reply_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::optional<HttpRequest> next_;
  std::optional<HttpReply> done_;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace upstander::client
