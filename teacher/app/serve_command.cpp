// `upstander-teacher serve`: the classroom server in the foreground until SIGINT/SIGTERM
// (Ctrl+C or closing the console on Windows).
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "commands.hpp"
#include "join_address.hpp"
#include "open_url.hpp"
#include "stop_signal.hpp"
#include "upstander/server/classroom_server.hpp"

namespace upstander::teacher {

namespace {

bool parse_int(const std::string& s, int min, int max, int& out) {
  char* end = nullptr;
  const long v = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || v < min || v > max) return false;
  out = static_cast<int>(v);
  return true;
}

}  // namespace

void print_join_addresses(const std::string& bind_address, int port) {
  const auto addresses = dashboard::reachable_addresses(bind_address, dashboard::local_addresses());
  if (addresses.empty()) {
    std::printf(
        "upstander-teacher: listening on %s only: students' devices cannot reach it "
        "(use --bind 0.0.0.0 to let them in)\n",
        bind_address.c_str());
    return;
  }
  for (const auto& a : addresses) {
    std::printf("upstander-teacher: students open %s\n",
                dashboard::join_page(a + ":" + std::to_string(port)).c_str());
  }
}

int read_server_options(const Args& args, server::ServerOptions& o, Args* rest) {
  o.discovery_port = 47810;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--remote-teacher") {
      o.allow_remote_teacher = true;
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
  if (o.content_paths.empty()) o.content_paths.push_back(UPSTANDER_DEFAULT_CONTENT_DIR);
  return 0;
}

int run_serve(const Args& args) {
  server::ServerOptions options;
  // --open: show the teacher's page in the default browser once the server listens (what
  // the Windows launcher asks for).
  Args rest;
  if (int rc = read_server_options(args, options, &rest); rc != 0) return rc;
  bool open_teacher_page = false;
  for (const auto& a : rest) {
    if (a != "--open") return usage_error("unknown option " + a);
    open_teacher_page = true;
  }

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
  if (open_teacher_page &&
      !open_url("http://localhost:" + std::to_string(srv.port()) + "/teacher")) {
    std::fprintf(stderr,
                 "upstander-teacher: cannot open a browser; open http://localhost:%d/teacher\n",
                 srv.port());
  }

  std::thread waiter([&] {
    wait_for_stop_signal();
    srv.stop();
  });
  srv.wait();
  waiter.detach();  // still waiting only if stop() came from elsewhere; the process ends now
  std::printf("upstander-teacher: stopped\n");
  return 0;
}

}  // namespace upstander::teacher
