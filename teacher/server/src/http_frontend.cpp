// cpp-httplib's request parser and routing, fed by ConnectionFront: the front reads each
// request whole (with deadlines and limits) and a worker hands the bytes to httplib
// through an in-memory Stream. JSON errors for everything, and no CORS.
#include "http_frontend.hpp"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>

#include "connection_front.hpp"
#include "failure_log.hpp"
#include "server_log.hpp"
#include "teacher_signin.hpp"
#include "web_bundle.hpp"

namespace upstander::server {

namespace {

// A request already read by the front; the answer goes to the connection.
class BufferedStream : public httplib::Stream {
 public:
  BufferedStream(FrontConnection& c, std::string_view request) : c_(c), bytes_(request) {}
  bool is_readable() const override { return pos_ < bytes_.size(); }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    const std::size_t n = std::min(size, bytes_.size() - pos_);
    std::memcpy(ptr, bytes_.data() + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    const std::string_view data(ptr, size);
    // The front already said "100 Continue" while the body was on its way.
    if (c_.continue_sent() && data.rfind("HTTP/1.1 100 ", 0) == 0)
      return static_cast<ssize_t>(size);
    return c_.write(data) ? static_cast<ssize_t>(size) : -1;
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = c_.address();
    port = c_.port();
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip.clear();
    port = 0;
  }
  socket_t socket() const override { return static_cast<socket_t>(c_.fd()); }

 private:
  FrontConnection& c_;
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

// httplib's request handling without its sockets (process_request is protected).
class BufferedServer : public httplib::Server {
 public:
  bool serve_buffered(httplib::Stream& s, bool must_close, bool& closed) {
    return process_request(s, must_close, closed, nullptr);
  }
};

std::string status_text(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    default: return "Error";
  }
}

void send(httplib::Response& res, const ApiResponse& r) {
  res.status = r.status;
  for (const auto& [k, v] : r.headers) res.set_header(k, v);
  res.set_content(r.body, r.content_type);
}

double monotonic_seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace

// A whole response for a request the front refuses before httplib sees it; the
// connection is closed after it.
std::string refusal_response(int status, std::string_view code, std::string_view message,
                             int retry_after) {
  const ApiResponse r = error_response(status, code, message);
  std::string out = "HTTP/1.1 " + std::to_string(status) + " " + status_text(status) + "\r\n";
  out += "Content-Type: " + r.content_type +
         "\r\nContent-Length: " + std::to_string(r.body.size()) + "\r\n";
  out += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n";
  if (retry_after > 0) out += "Retry-After: " + std::to_string(retry_after) + "\r\n";
  return out + "\r\n" + r.body;
}

struct HttpFrontend::Impl {
  ServerOptions options;
  const ApiRouter& router;
  Dispatch dispatch;
  AddressRateLimiter limiter;
  AddressRateLimiter static_limiter;
  RequestGuard guard;
  WebBundle bundle;
  BufferedServer http;
  std::unique_ptr<ConnectionFront> front;
  std::atomic<std::uint64_t> next_request{1};
  AnswerTally tally;

  Impl(const ServerOptions& o, const ApiRouter& r, Dispatch d)
      : options(o),
        router(r),
        dispatch(std::move(d)),
        limiter(o.limits.address_rate, o.limits.address_burst, o.limits.tracked_addresses),
        static_limiter(o.limits.static_rate, o.limits.static_burst, o.limits.tracked_addresses),
        guard(o.allowed_hosts, o.allowed_origins),
        bundle(find_web_root(o.web_root)) {
    configure();
    front = std::make_unique<ConnectionFront>(
        front_limits(), [this](std::string_view m, std::string_view p) { return body_limit(m, p); },
        [this](FrontConnection& c, std::string_view request, bool must_close) {
          BufferedStream stream(c, request);
          bool closed = false;
          return http.serve_buffered(stream, must_close, closed) && !closed;
        },
        [this](int status, std::string_view code, std::string_view message, int retry_after) {
          tally.count(status, monotonic_seconds());
          return refusal_response(status, code, message, retry_after);
        });
  }

  FrontLimits front_limits() const {
    const ServerLimits& l = options.limits;
    FrontLimits f;
    f.framing.max_header_bytes = l.max_header_bytes;
    f.framing.max_header_count = l.max_header_count;
    f.request_seconds = l.request_seconds;
    f.keep_alive_seconds = l.keep_alive_seconds;
    f.write_seconds = l.write_timeout_seconds;
    f.keep_alive_requests = l.keep_alive_requests;
    f.per_address = l.connections_per_address;
    f.total = l.max_connections;
    f.worker_threads = l.worker_threads;
    f.listen_backlog = l.listen_backlog;
    return f;
  }

  // The largest body the front will read for this request: the route's own limit, else
  // the small default (a static file GET has no body either).
  std::size_t body_limit(std::string_view method, std::string_view path) const {
    const std::size_t limit = router.body_limit(method, path);
    return limit > 0 ? limit : options.limits.max_body_bytes;
  }

  void configure() {
    const ServerLimits& l = options.limits;
    // Only the headers httplib writes about keep-alive depend on these two.
    http.set_keep_alive_timeout(l.keep_alive_seconds);
    http.set_keep_alive_max_count(l.keep_alive_requests);
    http.set_payload_max_length(std::max(l.max_body_bytes, l.max_pack_bytes));
    http.set_default_headers({{"Cache-Control", "no-store"},
                              {"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"}});
    // Every answer httplib writes passes here once, the error handler's too.
    http.set_logger([this](const httplib::Request&, const httplib::Response& res) {
      tally.count(res.status, monotonic_seconds());
    });
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      return before_body(req, res) ? httplib::Server::HandlerResponse::Unhandled
                                   : httplib::Server::HandlerResponse::Handled;
    });
    // Static files (a GET handler for "/" and its assets) would be registered here, before
    // the catch-all API handlers, with before_body() letting their paths through.
    auto handler = [this](const httplib::Request& req, httplib::Response& res) { serve(req, res); };
    http.Get(".*", handler);
    http.Post(".*", handler);
    http.Put(".*", handler);
    http.Delete(".*", handler);
    http.Patch(".*", handler);
    http.Options(".*", handler);
    http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      // Errors httplib raises itself (a request line or header it cannot parse).
      const bool too_large = res.status == 413;
      const bool uri_too_long = res.status == 414;
      send(res, error_response(
                    res.status,
                    too_large      ? "body_too_large"
                    : uri_too_long ? "uri_too_long"
                                   : "bad_request",
                    too_large ? "the request body is too large" : "the request could not be read"));
    });
    http.set_exception_handler([this](const httplib::Request& req, httplib::Response& res,
                                      std::exception_ptr e) {
      const std::string id = new_request_id();
      log_exception(id, req.method, e);
      ApiResponse r = error_response(500, "internal", "the server could not handle this request");
      r.headers.emplace_back("X-Request-Id", id);
      send(res, r);
    });
  }

  std::string new_request_id() { return request_id_text(next_request.fetch_add(1)); }

  // Checks that need no body; false after answering the request.
  bool before_body(const httplib::Request& req, httplib::Response& res) {
    // The sign-in link is answered by the API's code although it is a page.
    const bool signin_link = req.path == "/teacher/signin";
    const bool api = req.path.rfind("/api/", 0) == 0 || req.path == "/api" || signin_link;
    // The teacher's own dashboard on this machine is never held back by students who share
    // its address (a demo class, a student game on the teacher's PC): it still needs the token.
    const bool local_teacher =
        req.path.rfind("/api/v1/teacher/", 0) == 0 && is_loopback_address(req.remote_addr);
    int retry_after = 1;
    if (!local_teacher && !(api ? limiter : static_limiter)
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
    if (req.path.rfind("/api/v1/", 0) != 0 && !signin_link) {
      send(res, error_response(404, "not_found", "there is no such API path"));
      return false;
    }
    // The sign-in link may be followed from anywhere (a teacher's mail, a school page): it
    // only ever signs in whoever holds a token the server printed.
    if (!signin_link && (!guard.origin_allowed(req.get_header_value("Origin"), host) ||
                         req.get_header_value("Sec-Fetch-Site") == "cross-site")) {
      // A signed-in teacher's browser is told apart (teacher_signin.hpp names the refusal).
      const bool teacher_cookie =
          !cookie_value(req.get_header_value("Cookie"), kTeacherCookie).empty();
      send(res, error_response(403, teacher_cookie ? "cross_origin" : "bad_origin",
                               "requests from other web sites are not accepted"));
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
    a.request_id = new_request_id();
    a.method = req.method;
    a.path = req.path;
    for (const auto& [k, v] : req.params) a.query.emplace(k, v);
    a.body = req.body;
    a.content_type = req.get_header_value("Content-Type");
    a.authorization = req.get_header_value("Authorization");
    a.remote_addr = req.remote_addr;
    a.cookie = req.get_header_value("Cookie");
    a.csrf = req.get_header_value(std::string(kCsrfHeader));
    a.host = req.get_header_value("Host");
    a.origin = req.get_header_value("Origin");
    a.sec_fetch_site = req.get_header_value("Sec-Fetch-Site");
    a.accept_language = req.get_header_value("Accept-Language");
    ApiResponse r = dispatch(a);
    if (r.status >= 500) {
      log_failure(a.request_id, a.method, r.status, r.body);
      r.headers.emplace_back("X-Request-Id", a.request_id);
    }
    send(res, r);
  }
};

HttpFrontend::HttpFrontend(const ServerOptions& options, const ApiRouter& router, Dispatch dispatch)
    : impl_(std::make_unique<Impl>(options, router, std::move(dispatch))) {}

HttpFrontend::~HttpFrontend() {
  stop();
}

NetworkResult<void> HttpFrontend::bind() {
  return impl_->front->bind(impl_->options.bind_address, impl_->options.port);
}

int HttpFrontend::port() const {
  return impl_->front->port();
}

std::string HttpFrontend::web_root() const {
  return impl_->bundle.present() ? impl_->bundle.root().string() : std::string();
}

void HttpFrontend::start() {
  impl_->front->start();
}

void HttpFrontend::stop() {
  if (!impl_) return;
  impl_->front->stop();
  impl_->tally.flush();
}

}  // namespace upstander::server
