// httplib's client, configured once per request, and the thread that runs them.
#include "http_call.hpp"

#include <httplib.h>

namespace upstander::client {

HttpReply http_call(const HttpRequest& request, const HttpTimeouts& t) {
  httplib::Client cli(request.server.host, request.server.port);
  cli.set_connection_timeout(t.connect);
  cli.set_read_timeout(t.request);
  cli.set_write_timeout(t.request);
  cli.set_keep_alive(false);
  httplib::Headers headers;
  if (!request.token.empty()) headers.emplace("Authorization", "Bearer " + request.token);
  for (const auto& [name, value] : request.headers) headers.emplace(name, value);
  const std::string& m = request.method;
  httplib::Result res =
      m == "GET"      ? cli.Get(request.path, headers)
      : m == "PUT"    ? cli.Put(request.path, headers, request.body, "application/json")
      : m == "DELETE" ? cli.Delete(request.path, headers)
                      : cli.Post(request.path, headers, request.body, "application/json");
  HttpReply r;
  if (!res) return r;
  r.reached = true;
  r.status = res->status;
  r.body = res->body;
  if (res->has_header("Retry-After"))
    r.retry_after = std::atoi(res->get_header_value("Retry-After").c_str());
  return r;
}

HttpTransport::HttpTransport(HttpTimeouts timeouts, std::function<void()> on_reply)
    : timeouts_(timeouts), on_reply_(std::move(on_reply)), worker_([this] { run(); }) {}

HttpTransport::~HttpTransport() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  worker_.join();
}

void HttpTransport::start(HttpRequest request) {
  {
    std::lock_guard lock(mu_);
    next_ = std::move(request);
  }
  cv_.notify_all();
}

std::optional<HttpReply> HttpTransport::take() {
  std::lock_guard lock(mu_);
  std::optional<HttpReply> out = std::move(done_);
  done_.reset();
  return out;
}

void HttpTransport::run() {
  std::unique_lock lock(mu_);
  while (true) {
    cv_.wait(lock, [this] { return stopping_ || next_.has_value(); });
    if (stopping_) return;
    const HttpRequest request = std::move(*next_);
    next_.reset();
    lock.unlock();
    HttpReply reply = http_call(request, timeouts_);
    lock.lock();
    done_ = std::move(reply);
    // Told outside the lock: the owner takes the reply from its own thread.
    lock.unlock();
    if (on_reply_) on_reply_();
    lock.lock();
  }
}

}  // namespace upstander::client
