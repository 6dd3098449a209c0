// HTTP calls with cpp-httplib: a new connection per call (the server closes idle ones
// after 2 s anyway), short timeouts, errors turned into ApiFailure codes.
#include "api_client.hpp"

#include <httplib.h>

namespace upstander::dashboard {

ApiClient::ApiClient(ServerUrl server, std::string teacher_token)
    : server_(std::move(server)), token_(std::move(teacher_token)) {}

ApiClient::~ApiClient() = default;

ApiResult ApiClient::send(const ApiRequest& request) const {
  httplib::Client cli(server_.host, server_.port);
  cli.set_connection_timeout(3, 0);
  cli.set_read_timeout(10, 0);
  cli.set_write_timeout(10, 0);
  cli.set_keep_alive(false);
  cli.set_bearer_token_auth(token_.c_str());
  const std::string& m = request.method;
  const char* path = request.path.c_str();
  httplib::Result res = m == "GET"    ? cli.Get(path)
                        : m == "POST" ? cli.Post(path, request.body, "application/json")
                        : m == "PUT"  ? cli.Put(path, request.body, "application/json")
                                      : cli.Delete(path);
  if (!res) return make_result(0, "");
  return make_result(res->status, res->body);
}

}  // namespace upstander::dashboard
