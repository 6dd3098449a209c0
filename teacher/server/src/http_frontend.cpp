// cpp-httplib configured for a classroom: bounded threads and queue, hard limits, JSON
// errors for everything, and no CORS.
#include "http_frontend.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>
#include <thread>

#include "web_bundle.hpp"
#include "worker_pool.hpp"

namespace upstander::server {

namespace {

// httplib hard-codes a listen backlog of 5: far too few for a class joining at once.
class TunedServer : public httplib::Server {
 public:
  bool widen_backlog(int backlog) { return ::listen(svr_sock_, backlog) == 0; }
};

class PoolQueue : public httplib::TaskQueue {
 public:
  PoolQueue(std::size_t threads, std::size_t capacity) : pool_(threads, capacity) {}
  void enqueue(std::function<void()> fn) override { pool_.push(std::move(fn)); }
  void shutdown() override { pool_.shutdown(); }

 private:
  WorkerPool pool_;
};

double monotonic_seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

void send(httplib::Response& res, const ApiResponse& r) {
  res.status = r.status;
  for (const auto& [k, v] : r.headers) res.set_header(k, v);
  res.set_content(r.body, r.content_type);
}

}  // namespace

struct HttpFrontend::Impl {
  ServerOptions options;
  const ApiRouter& router;
  Dispatch dispatch;
  AddressRateLimiter limiter;
  AddressRateLimiter static_limiter;
  RequestGuard guard;
  WebBundle bundle;
  TunedServer http;
  int port = 0;
  std::thread thread;

  Impl(const ServerOptions& o, const ApiRouter& r, Dispatch d)
      : options(o),
        router(r),
        dispatch(std::move(d)),
        limiter(o.limits.address_rate, o.limits.address_burst, o.limits.tracked_addresses),
        static_limiter(o.limits.static_rate, o.limits.static_burst, o.limits.tracked_addresses),
        guard(o.allowed_hosts, o.allowed_origins),
        bundle(find_web_root(o.web_root)) {
    configure();
  }

  void configure() {
    const ServerLimits& l = options.limits;
    http.new_task_queue = [l] { return new PoolQueue(l.worker_threads, l.connection_queue); };
    http.set_read_timeout(l.read_timeout_seconds, 0);
    http.set_write_timeout(l.write_timeout_seconds, 0);
    http.set_keep_alive_timeout(l.keep_alive_seconds);
    http.set_keep_alive_max_count(l.keep_alive_requests);
    http.set_payload_max_length(std::max(l.max_body_bytes, l.max_pack_bytes));
    http.set_tcp_nodelay(true);
    http.set_default_headers({{"Cache-Control", "no-store"},
                              {"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"}});
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      return before_body(req, res) ? httplib::Server::HandlerResponse::Unhandled
                                   : httplib::Server::HandlerResponse::Handled;
    });
    auto handler = [this](const httplib::Request& req, httplib::Response& res) { serve(req, res); };
    http.Get(".*", handler);
    http.Post(".*", handler);
    http.Put(".*", handler);
    http.Delete(".*", handler);
    http.Patch(".*", handler);
    http.Options(".*", handler);
    http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      // Errors httplib raises itself (bad request line, body over the global limit).
      const bool too_large = res.status == 413;
      const bool uri_too_long = res.status == 414;
      send(res, error_response(
                    res.status,
                    too_large      ? "body_too_large"
                    : uri_too_long ? "uri_too_long"
                                   : "bad_request",
                    too_large ? "the request body is too large" : "the request could not be read"));
    });
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
          send(res, error_response(500, "internal", "the server could not handle this request"));
        });
  }

  // Checks that need no body; false after answering the request.
  bool before_body(const httplib::Request& req, httplib::Response& res) {
    const bool api = req.path.rfind("/api/", 0) == 0 || req.path == "/api";
    int retry_after = 1;
    if (!(api ? limiter : static_limiter)
             .allow(req.remote_addr, monotonic_seconds(), retry_after)) {
      send(res, rate_limited(retry_after));
      return false;
    }
    const std::string host = req.get_header_value("Host");
    if (!guard.host_allowed(host)) {
      send(res, error_response(403, "bad_host",
                               "the Host header names a host this server does not answer to"));
      return false;
    }
    if (!api) {
      // The game's files are public and reached by navigation, often from another site
      // (a school page linking here), so the Origin checks that guard the API do not apply.
      serve_static(req, res);
      return false;
    }
    if (req.path.rfind("/api/v1/", 0) != 0) {
      send(res, error_response(404, "not_found", "there is no such API path"));
      return false;
    }
    if (!guard.origin_allowed(req.get_header_value("Origin"), host) ||
        req.get_header_value("Sec-Fetch-Site") == "cross-site") {
      send(res,
           error_response(403, "bad_origin", "requests from other web sites are not accepted"));
      return false;
    }
    const std::size_t limit = router.body_limit(req.method, req.path);
    const std::size_t cap = limit > 0 ? limit : options.limits.max_body_bytes;
    if (req.has_header("Content-Length") &&
        req.get_header_value<std::uint64_t>("Content-Length") > cap) {
      ApiResponse r = error_response(413, "body_too_large",
                                     "the request body is larger than this endpoint accepts");
      r.headers.emplace_back("Connection",
                             "close");  // the unread body must not be parsed as a request
      send(res, r);
      return false;
    }
    return true;
  }

  void serve_static(const httplib::Request& req, httplib::Response& res) {
    const ApiResponse r =
        bundle.serve({req.method, req.path, req.get_header_value("Accept-Encoding"),
                      req.get_header_value("If-None-Match")});
    // httplib gzips text responses itself when the request accepts gzip (and ignores q=0):
    // it would compress a precompressed .gz a second time. The bundle's files go out as
    // they are on disk, so its negotiation is the only one. The request object is httplib's
    // own mutable one, handed to us as const.
    const_cast<httplib::Request&>(req).headers.erase("Accept-Encoding");
    // These replace the API's defaults ("no-store") rather than add a second header.
    for (const auto& [k, v] : r.headers) res.headers.erase(k);
    send(res, r);
  }

  void serve(const httplib::Request& req, httplib::Response& res) {
    ApiRequest a;
    a.method = req.method;
    a.path = req.path;
    for (const auto& [k, v] : req.params) a.query.emplace(k, v);
    a.body = req.body;
    a.content_type = req.get_header_value("Content-Type");
    a.authorization = req.get_header_value("Authorization");
    a.remote_addr = req.remote_addr;
    send(res, dispatch(a));
  }
};

HttpFrontend::HttpFrontend(const ServerOptions& options, const ApiRouter& router, Dispatch dispatch)
    : impl_(std::make_unique<Impl>(options, router, std::move(dispatch))) {}

HttpFrontend::~HttpFrontend() {
  stop();
}

bool HttpFrontend::bind(std::string& error) {
  const auto& o = impl_->options;
  if (o.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(o.bind_address);
  } else {
    impl_->port = impl_->http.bind_to_port(o.bind_address, o.port) ? o.port : -1;
  }
  if (impl_->port <= 0) {
    error = "cannot listen on " + o.bind_address + ":" + std::to_string(o.port) +
            " (in use, or not an address here)";
    return false;
  }
  impl_->http.widen_backlog(o.limits.listen_backlog);
  return true;
}

int HttpFrontend::port() const {
  return impl_->port;
}

std::string HttpFrontend::web_root() const {
  return impl_->bundle.present() ? impl_->bundle.root().string() : std::string();
}

void HttpFrontend::start() {
  impl_->thread = std::thread([this] { impl_->http.listen_after_bind(); });
  // httplib's stop() does nothing until the listen loop has marked itself running; wait
  // for that so a quick stop() after start() cannot leave the loop running forever.
  for (int i = 0; i < 5000 && !impl_->http.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

void HttpFrontend::stop() {
  if (!impl_) return;
  impl_->http.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

}  // namespace upstander::server
