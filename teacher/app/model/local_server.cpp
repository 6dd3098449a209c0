// Probing and waiting for the local classroom server (starting it: local_server_spawn_posix.cpp).
#include "local_server.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace upstander::dashboard {

std::string read_teacher_token(const std::string& data_dir) {
  std::ifstream in(data_dir + "/teacher-token");
  std::string token;
  in >> token;
  return token;
}

LocalProbe probe_local_server(int port, const std::string& token) {
  httplib::Client cli("127.0.0.1", port);
  cli.set_connection_timeout(1, 0);
  cli.set_read_timeout(2, 0);
  cli.set_keep_alive(false);
  const auto health = cli.Get("/api/v1/health");
  if (!health) return LocalProbe::NoServer;
  const auto j = nlohmann::json::parse(health->body, nullptr, false);
  if (health->status != 200 || !j.is_object() || j.value("service", "") != "upstander-classroom")
    return LocalProbe::Foreign;
  if (token.empty()) return LocalProbe::OtherToken;
  cli.set_bearer_token_auth(token.c_str());
  const auto settings = cli.Get("/api/v1/teacher/settings");
  return settings && settings->status == 200 ? LocalProbe::Running : LocalProbe::OtherToken;
}

std::vector<std::string> serve_arguments(const server::ServerOptions& o) {
  std::vector<std::string> a{"serve",
                             "--no-browser",
                             "--port",
                             std::to_string(o.port),
                             "--bind",
                             o.bind_address,
                             "--discovery-port",
                             std::to_string(std::max(0, o.discovery_port)),
                             "--workers",
                             std::to_string(o.limits.worker_threads),
                             "--data",
                             o.data_dir};
  for (const auto& c : o.content_paths) a.insert(a.end(), {"--content", c});
  for (const auto& h : o.allowed_hosts) a.insert(a.end(), {"--allow-host", h});
  if (!o.web_root.empty()) a.insert(a.end(), {"--web-root", o.web_root});
  if (o.allow_remote_teacher) a.push_back("--remote-teacher");
  return a;
}

bool wait_for_local_server(int port, const std::string& data_dir, std::chrono::milliseconds timeout,
                           std::string& token) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < end) {
    token = read_teacher_token(data_dir);
    if (!token.empty() && probe_local_server(port, token) == LocalProbe::Running) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

}  // namespace upstander::dashboard
