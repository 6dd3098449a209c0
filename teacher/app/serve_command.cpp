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

// A number option within [min, max], or a usage error naming it.
int read_number(const cli::Parsed& p, const std::string& name, int min, int max, int& out) {
  if (!p.has(name)) return 0;
  if (!parse_int(p.value(name), min, max, out)) {
    return usage_error(name + " needs a number from " + std::to_string(min) + " to " +
                       std::to_string(max));
  }
  return 0;
}

}  // namespace

std::vector<cli::Spec> server_option_specs() {
  return {cli::option("--config"),     cli::flag("--remote-teacher"),
          cli::option("--k"),          cli::option("--retention-days"),
          cli::option("--port"),       cli::option("--discovery-port"),
          cli::option("--workers"),    cli::option("--bind"),
          cli::option("--data"),       cli::option("--content"),
          cli::option("--allow-host"), cli::option("--web-root")};
}

int read_server_options(const cli::Parsed& p, server::ServerOptions& o) {
  o.discovery_port = 47810;
  // serve.conf before any flag, wherever --config stands, so the flags override it.
  for (const auto& file : p.values("--config")) {
    if (file.empty()) return usage_error("--config needs a file");
    if (const auto loaded = load_serve_config(file, o); !loaded) {
      std::fprintf(stderr, "upstander-teacher: %s\n", loaded.error().message.c_str());
      return cli::kUsageExit;
    }
  }
  if (p.has("--remote-teacher")) o.allow_remote_teacher = true;
  int n = 0;
  if (p.has("--k")) {
    if (int rc = read_number(p, "--k", server::kSettingsMinK, server::kSettingsMaxK, n)) return rc;
    o.default_k = n;
  }
  if (p.has("--retention-days")) {
    if (int rc = read_number(p, "--retention-days", 0, server::kRetentionDaysMax, n)) return rc;
    o.retention_days = n;
  }
  if (int rc = read_number(p, "--port", 0, 65535, o.port)) return rc;
  if (int rc = read_number(p, "--discovery-port", 0, 65535, o.discovery_port)) return rc;
  if (p.has("--workers")) {
    if (int rc = read_number(p, "--workers", 1, 1024, n)) return rc;
    o.limits.worker_threads = static_cast<std::size_t>(n);
  }
  for (const auto& [name, v] : p.options) {
    const bool text = name == "--bind" || name == "--data" || name == "--content" ||
                      name == "--allow-host" || name == "--web-root";
    if (text && v.empty()) return usage_error(name + " needs a value");
  }
  if (p.has("--web-root")) o.web_root = p.value("--web-root");
  if (p.has("--bind")) o.bind_address = p.value("--bind");
  if (p.has("--data")) o.data_dir = p.value("--data");
  for (const auto& c : p.values("--content")) o.content_paths.push_back(c);
  for (const auto& h : p.values("--allow-host")) o.allowed_hosts.push_back(h);
  if (o.data_dir.empty()) {
    const auto dir = server::default_data_dir();
    if (!dir)
      return usage_error(folder_error_text(dir.error(), FolderKind::Data) + " (--data DIR)");
    o.data_dir = *dir;
  }
  if (o.content_paths.empty()) {
    const std::string shipped = find_shipped(ShippedData::Content).string();
    if (shipped.empty())
      return usage_error("the shipped content is not installed; give --content DIR");
    o.content_paths.push_back(shipped);
  }
  return 0;
}

int run_serve(const Args& args) {
  server::ServerOptions options;
  // The teacher's sign-in link in the browser: --open always (the Windows launcher asks
  // for it), --no-browser never, else when serve runs in a terminal on a desktop.
  std::vector<cli::Spec> specs = server_option_specs();
  specs.insert(specs.end(), {cli::flag("--open"), cli::flag("--no-browser")});
  const auto parsed = cli::parse(args, specs, /*allow_positionals=*/false);
  if (!parsed) return usage_error(parsed.error().message);
  if (int rc = read_server_options(*parsed, options); rc != 0) return rc;
  OpenBrowser browser = OpenBrowser::OnDesktop;
  for (const auto& [name, v] : parsed->options) {
    if (name == "--open") browser = OpenBrowser::Always;
    if (name == "--no-browser") browser = OpenBrowser::Never;
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
