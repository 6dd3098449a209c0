// Probing, spawning and waiting for the local classroom server.
#include "local_server.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

extern char** environ;

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
                             o.data_dir.empty() ? server::default_data_dir() : o.data_dir};
  for (const auto& c : o.content_paths) a.insert(a.end(), {"--content", c});
  for (const auto& h : o.allowed_hosts) a.insert(a.end(), {"--allow-host", h});
  if (!o.web_root.empty()) a.insert(a.end(), {"--web-root", o.web_root});
  if (o.allow_remote_teacher) a.push_back("--remote-teacher");
  return a;
}

pid_t spawn_detached_server(const std::string& exe, const server::ServerOptions& o,
                            std::string& error) {
  const std::vector<std::string> args = serve_arguments(o);
  const std::string data_dir = o.data_dir.empty() ? server::default_data_dir() : o.data_dir;
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  const std::string log = data_dir + "/server.log";
  std::vector<char*> argv;
  std::string name = exe;
  argv.push_back(name.data());
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t files;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&files);
  posix_spawnattr_init(&attr);
  posix_spawn_file_actions_addopen(&files, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0600);
  posix_spawn_file_actions_adddup2(&files, STDOUT_FILENO, STDERR_FILENO);
  // Its own session: no terminal's Ctrl-C or hang-up, and no dashboard's death, reaches it.
  // Signals the dashboard ignores or blocks are reset so `serve` stops on SIGTERM.
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &all);
  posix_spawnattr_setflags(&attr,
                           POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, exe.c_str(), &files, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&files);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    error = "cannot start " + exe + " serve: " + std::strerror(rc);
    return -1;
  }
  return pid;
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

LocalServer ensure_local_server(const std::string& exe, const server::ServerOptions& o) {
  LocalServer out;
  const std::string data_dir = o.data_dir.empty() ? server::default_data_dir() : o.data_dir;
  const std::string where = "127.0.0.1:" + std::to_string(o.port);
  switch (probe_local_server(o.port, read_teacher_token(data_dir))) {
    case LocalProbe::Running:
      out.ok = true;
      out.token = read_teacher_token(data_dir);
      return out;
    case LocalProbe::Foreign:
      out.error = "another program answers on " + where + " (try --port 8081)";
      return out;
    case LocalProbe::OtherToken:
      out.error = "an Upstander server on " + where + " keeps its data in another folder than " +
                  data_dir + " (give the same --data, or another --port)";
      return out;
    case LocalProbe::NoServer:
      break;
  }
  out.pid = spawn_detached_server(exe, o, out.error);
  if (out.pid < 0) return out;
  out.started = true;
  // Opening the database and loading content takes a moment on a slow laptop.
  if (!wait_for_local_server(o.port, data_dir, std::chrono::seconds(20), out.token)) {
    out.error =
        "the classroom server did not start on " + where + " (see " + data_dir + "/server.log)";
    return out;
  }
  out.ok = true;
  return out;
}

std::string own_executable() {
  std::error_code ec;
  const auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : p.string();
}

}  // namespace upstander::dashboard
