// Starting the local classroom server as a detached process (posix_spawn, its own
// session), the native dashboard's part of local_server.hpp; not built for Windows, which
// has no native dashboard.
#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <filesystem>

#include "local_server.hpp"

extern char** environ;

namespace upstander::dashboard {

Result<pid_t, LocalServerFailure> spawn_detached_server(const std::string& exe,
                                                        const server::ServerOptions& o) {
  const std::vector<std::string> args = serve_arguments(o);
  const std::string& data_dir = o.data_dir;  // read_server_options filled it
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
    return fail(LocalServerFailure{LocalServerError::CannotStart,
                                   "cannot start " + exe + " serve: " + std::strerror(rc)});
  }
  return pid;
}

Result<LocalServer, LocalServerFailure> ensure_local_server(const std::string& exe,
                                                            const server::ServerOptions& o) {
  LocalServer out;
  const std::string& data_dir = o.data_dir;  // read_server_options filled it
  const std::string where = "127.0.0.1:" + std::to_string(o.port);
  switch (probe_local_server(o.port, read_teacher_token(data_dir))) {
    case LocalProbe::Running: out.token = read_teacher_token(data_dir); return out;
    case LocalProbe::Foreign:
      return fail(LocalServerFailure{LocalServerError::PortTaken,
                                     "another program answers on " + where + " (try --port 8081)"});
    case LocalProbe::OtherToken:
      return fail(LocalServerFailure{LocalServerError::OtherDataFolder,
                                     "an Upstander server on " + where +
                                         " keeps its data in another folder than " + data_dir +
                                         " (give the same --data, or another --port)"});
    case LocalProbe::NoServer: break;
  }
  const auto pid = spawn_detached_server(exe, o);
  if (!pid) return fail(pid.error());
  out.pid = *pid;
  out.started = true;
  // Opening the database and loading content takes a moment on a slow laptop.
  if (!wait_for_local_server(o.port, data_dir, std::chrono::seconds(20), out.token)) {
    return fail(LocalServerFailure{
        LocalServerError::NoAnswer,
        "the classroom server did not start on " + where + " (see " + data_dir + "/server.log)"});
  }
  return out;
}

std::string own_executable() {
  std::error_code ec;
  const auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : p.string();
}

}  // namespace upstander::dashboard
