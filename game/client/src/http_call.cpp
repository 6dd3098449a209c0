// httplib's client, configured once per request.
#include "http_call.hpp"

#include <httplib.h>

namespace upstander::client {

HttpReply http_call(const ServerAddress& server, const std::string& method, const std::string& path,
                    const std::string& token, const std::string& json_body, const HttpTimeouts& t) {
  httplib::Client cli(server.host, server.port);
  cli.set_connection_timeout(t.connect);
  cli.set_read_timeout(t.request);
  cli.set_write_timeout(t.request);
  cli.set_keep_alive(false);
  httplib::Headers headers;
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  httplib::Result res = method == "GET" ? cli.Get(path, headers)
                                        : cli.Post(path, headers, json_body, "application/json");
  HttpReply r;
  if (!res) return r;
  r.reached = true;
  r.status = res->status;
  r.body = res->body;
  if (res->has_header("Retry-After")) r.retry_after = std::atoi(res->get_header_value("Retry-After").c_str());
  return r;
}

}  // namespace upstander::client
