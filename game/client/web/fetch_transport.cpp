// fetch() through EM_JS: requests live in a small table on the JavaScript side until
// the core takes their answer on a later frame.
#include "fetch_transport.hpp"

#include <emscripten.h>

#include <string>

#include <nlohmann/json.hpp>

// clang-format off
EM_JS(int, upstander_fetch_start, (const char* method, const char* path, const char* token, const char* body,
                                   const char* more_headers, int same_origin_cookies, int timeout_ms), {
  const table = Module.upstanderFetch || (Module.upstanderFetch = { next: 1, replies: {} });
  const id = table.next++;
  const headers = Object.assign({ "Content-Type": "application/json" }, JSON.parse(UTF8ToString(more_headers)));
  const bearer = UTF8ToString(token);
  if (bearer) headers["Authorization"] = "Bearer " + bearer;
  const verb = UTF8ToString(method);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeout_ms);
  table.replies[id] = null;
  fetch(UTF8ToString(path), {
    method: verb, headers: headers, body: verb === "GET" ? undefined : UTF8ToString(body),
    cache: "no-store", credentials: same_origin_cookies ? "same-origin" : "omit", redirect: "error", signal: abort.signal
  }).then(response => response.text().then(text => {
    table.replies[id] = { status: response.status, body: text,
                          retryAfter: parseInt(response.headers.get("Retry-After") || "0", 10) || 0 };
  })).catch(() => {
    table.replies[id] = { status: 0, body: "", retryAfter: 0 };
  }).finally(() => clearTimeout(timer));
  return id;
});

// -1 while in flight, 0 when the server was not reached, else the HTTP status.
EM_JS(int, upstander_fetch_status, (int id), {
  const table = Module.upstanderFetch;
  const reply = table && table.replies[id];
  return reply ? reply.status : -1;
});

EM_JS(int, upstander_fetch_retry_after, (int id), { return Module.upstanderFetch.replies[id].retryAfter; });

EM_JS(int, upstander_fetch_body_size, (int id), { return lengthBytesUTF8(Module.upstanderFetch.replies[id].body); });

// Copies the body into `out` (size + 1 bytes) and forgets the request.
EM_JS(void, upstander_fetch_take_body, (int id, char* out, int size), {
  stringToUTF8(Module.upstanderFetch.replies[id].body, out, size + 1);
  delete Module.upstanderFetch.replies[id];
});

EM_JS(void, upstander_fetch_forget, (int id), {
  if (Module.upstanderFetch) delete Module.upstanderFetch.replies[id];
});

EM_JS(int, upstander_page_host_size, (), {
  return lengthBytesUTF8(location.host);
});

EM_JS(void, upstander_page_host, (char* out, int size), {
  stringToUTF8(location.host, out, size + 1);
});
// clang-format on

namespace upstander::client::web {

namespace {

// location.host: "10.0.0.5:8080".
std::string page_host() {
  const int size = upstander_page_host_size();
  std::string out(static_cast<std::size_t>(size) + 1, '\0');
  upstander_page_host(out.data(), size);
  out.resize(static_cast<std::size_t>(size));
  return out;
}

}  // namespace

FetchTransport::FetchTransport(int timeout_ms, Cookies cookies)
    : timeout_ms_(timeout_ms), cookies_(cookies) {}

FetchTransport::~FetchTransport() {
  if (id_ != 0) upstander_fetch_forget(id_);  // its answer, if it comes, is dropped
}

void FetchTransport::start(HttpRequest request) {
  if (id_ != 0) upstander_fetch_forget(id_);
  nlohmann::json more = nlohmann::json::object();
  for (const auto& [name, value] : request.headers) more[name] = value;
  id_ = upstander_fetch_start(request.method.c_str(), request.path.c_str(), request.token.c_str(),
                              request.body.c_str(), more.dump().c_str(),
                              cookies_ == Cookies::SameOrigin ? 1 : 0, timeout_ms_);
}

std::optional<HttpReply> FetchTransport::take() {
  if (id_ == 0) return std::nullopt;
  const int status = upstander_fetch_status(id_);
  if (status < 0) return std::nullopt;
  HttpReply reply;
  reply.reached = status > 0;
  reply.status = status;
  reply.retry_after = upstander_fetch_retry_after(id_);
  const int size = upstander_fetch_body_size(id_);
  reply.body.assign(static_cast<std::size_t>(size) + 1, '\0');
  upstander_fetch_take_body(id_, reply.body.data(), size);
  reply.body.resize(static_cast<std::size_t>(size));
  id_ = 0;
  return reply;
}

ServerAddress page_server() {
  if (auto a = parse_server_address(page_host())) return *a;
  return {};
}

}  // namespace upstander::client::web
