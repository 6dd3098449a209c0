// `upstander-teacher serve`: the classroom server in the foreground until SIGINT/SIGTERM
// (Ctrl+C or closing the console on Windows).
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "commands.hpp"
#include "join_address.hpp"
#include "serve_config.hpp"
#include "stop_signal.hpp"
#include "upstander/build_info.hpp"
#include "upstander/server/classroom_server.hpp"
#include "upstander/shipped_data.hpp"

namespace upstander::teacher {

namespace {

bool parse_int(const std::string& s, int min, int max, int& out) {
  char* end = nullptr;
  const long v = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || v < min || v > max) return false;
  out = static_cast<int>(v);
  return true;
}

// serve.conf before any flag, wherever --config stands, so the flags override it.
int read_config_option(const Args& args, server::ServerOptions& o) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] != "--config") continue;
    if (i + 1 >= args.size() || args[i + 1].empty()) return usage_error("--config needs a file");
    std::string error;
    if (!load_serve_config(args[i + 1], o, error)) {
      std::fprintf(stderr, "upstander-teacher: %s\n", error.c_str());
      return 2;
    }
  }
  return 0;
}

}  // namespace

int read_server_options(const Args& args, server::ServerOptions& o, Args* rest) {
  o.discovery_port = 47810;
  if (int rc = read_config_option(args, o); rc != 0) return rc;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--config") {
      ++i;  // read above
    } else if (a == "--remote-teacher") {
      o.allow_remote_teacher = true;
    } else if (a == "--k" || a == "--retention-days") {
      const bool k = a == "--k";
      int n = 0;
      if (!value(v) || !parse_int(v, k ? server::kSettingsMinK : 0,
                                  k ? server::kSettingsMaxK : server::kRetentionDaysMax, n)) {
        return usage_error(a + " needs a number from " +
                           std::to_string(k ? server::kSettingsMinK : 0) + " to " +
                           std::to_string(k ? server::kSettingsMaxK : server::kRetentionDaysMax));
      }
      (k ? o.default_k : o.retention_days) = n;
    } else if (a == "--port" || a == "--discovery-port" || a == "--workers") {
      int n = 0;
      if (!value(v) ||
          !parse_int(v, a == "--workers" ? 1 : 0, a == "--workers" ? 1024 : 65535, n)) {
        return usage_error(a + " needs a number");
      }
      if (a == "--port") o.port = n;
      if (a == "--discovery-port") o.discovery_port = n;
      if (a == "--workers") o.limits.worker_threads = static_cast<std::size_t>(n);
    } else if (a == "--bind" || a == "--data" || a == "--content" || a == "--allow-host" ||
               a == "--web-root") {
      if (!value(v) || v.empty()) return usage_error(a + " needs a value");
      if (a == "--web-root") o.web_root = v;
      if (a == "--bind") o.bind_address = v;
      if (a == "--data") o.data_dir = v;
      if (a == "--content") o.content_paths.push_back(v);
      if (a == "--allow-host") o.allowed_hosts.push_back(v);
    } else if (rest) {
      rest->push_back(a);
    } else {
      return usage_error("unknown option " + a);
    }
  }
  if (o.content_paths.empty()) {
    const std::string shipped = find_shipped(ShippedData::Content).string();
    if (shipped.empty()) return usage_error("the shipped content is not installed; give --content DIR");
    o.content_paths.push_back(shipped);
  }
  return 0;
}

int run_serve(const Args& args) {
  server::ServerOptions options;
  // The teacher's sign-in link in the browser: --open always (the Windows launcher asks
  // for it), --no-browser never, else when serve runs in a terminal on a desktop.
  Args rest;
  if (int rc = read_server_options(args, options, &rest); rc != 0) return rc;
  OpenBrowser browser = OpenBrowser::OnDesktop;
  for (const auto& a : rest) {
    if (a == "--open") {
      browser = OpenBrowser::Always;
    } else if (a == "--no-browser") {
      browser = OpenBrowser::Never;
    } else {
      return usage_error("unknown option " + a);
    }
  }
  allow_join_host_name(options);

  take_stop_signals();

  server::ClassroomServer srv;
  const server::StartResult started = srv.start(options);
  if (!started.ok()) {
    std::fprintf(stderr, "upstander-teacher: cannot start the server (%s): %s\n",
                 std::string(server::name_of(started.error)).c_str(), started.message.c_str());
    return 1;
  }
  if (!started.message.empty())
    std::fprintf(stderr, "upstander-teacher: %s", started.message.c_str());
  print_join_addresses(options.bind_address, srv.port());
  if (!srv.web_root().empty()) {
    std::printf("upstander-teacher: web game from %s\n", srv.web_root().c_str());
  } else {
    std::printf(
        "upstander-teacher: no web game found (build it with ./scripts/build-web, or --web-root "
        "DIR)\n");
  }
  std::printf("upstander-teacher: teacher token in %s\n", srv.teacher_token_path().c_str());
  std::printf("upstander-teacher: listening on port %d\n", srv.port());
  std::fflush(stdout);
  // The log's own lines (stderr; journald under systemd): no addresses, only the port.
  std::fprintf(stderr, "upstander-server: started, version %s (commit %s), port %d, %s\n",
               project_version().c_str(), git_commit().c_str(), srv.port(),
               srv.web_root().empty() ? "no web game" : "web game served");
  print_teacher_signin(srv, options.bind_address, browser);

  std::thread waiter([&] {
    wait_for_stop_signal();
    srv.stop();
  });
  srv.wait();
  waiter.detach();  // still waiting only if stop() came from elsewhere; the process ends now
  std::fprintf(stderr, "upstander-server: stopped\n");
  std::printf("upstander-teacher: stopped\n");
  return 0;
}

}  // namespace upstander::teacher
