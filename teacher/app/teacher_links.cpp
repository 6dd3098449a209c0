// What `serve` tells the room and the teacher: the addresses students open (LAN
// addresses, else the computer's name, never 127.0.0.1 or 0.0.0.0), and the teacher's
// one-time sign-in link for a browser; `signin-link` asks a running server for a new one.
#include <cstdio>
#include <cstdlib>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "join_address.hpp"
#include "local_server.hpp"
#include "open_url.hpp"
#include "upstander/server/classroom_server.hpp"

namespace upstander::teacher {

namespace {

dashboard::JoinHosts hosts_for(const std::string& bind_address) {
  return dashboard::join_hosts(bind_address, dashboard::local_addresses(),
                               dashboard::local_host_name());
}

// The host a browser on this machine or the teacher's other one uses for the link: the
// first LAN address (a cookie belongs to the host it was set for), else loopback.
std::string signin_url(const std::string& bind_address, int port, const std::string& token) {
  const auto hosts = hosts_for(bind_address).hosts;
  const std::string host = hosts.empty() ? "127.0.0.1" : hosts.front();
  return dashboard::join_page(host + ":" + std::to_string(port)) + "teacher/signin?token=" + token;
}

}  // namespace

void allow_join_host_name(server::ServerOptions& o) {
  const auto hosts = hosts_for(o.bind_address);
  if (hosts.by_name) o.allowed_hosts.push_back(hosts.hosts.front());
}

void print_join_addresses(const std::string& bind_address, int port) {
  const auto hosts = hosts_for(bind_address);
  if (hosts.hosts.empty()) {
    std::printf(
        "upstander-teacher: listening on %s only: students' devices cannot reach it "
        "(use --bind 0.0.0.0 to let them in)\n",
        bind_address.c_str());
    return;
  }
  if (hosts.by_name) {
    std::printf(
        "upstander-teacher: this computer has no network address yet; students can try its "
        "name, which not every network knows (connect to the school network and restart to "
        "get an address)\n");
  }
  for (const auto& a : hosts.hosts) {
    std::printf("upstander-teacher: students open %s\n",
                dashboard::join_page(a + ":" + std::to_string(port)).c_str());
  }
}

void print_teacher_signin(server::ClassroomServer& srv, const std::string& bind_address,
                          OpenBrowser browser) {
  const std::string url = signin_url(bind_address, srv.port(), srv.new_signin_token());
  std::printf("upstander-teacher: teacher, sign in from a browser with %s\n", url.c_str());
  std::printf(
      "upstander-teacher: (that link works once, for 15 minutes; "
      "`upstander-teacher signin-link` makes another)\n");
  std::fflush(stdout);
  // Like Jupyter: on a desktop, a terminal's `serve` opens the dashboard at once. A service
  // or a test (no terminal) never opens a window unless asked with --open.
  const bool open = browser == OpenBrowser::Always ||
                    (browser == OpenBrowser::OnDesktop && on_interactive_desktop());
  if (open && !open_url(url)) {
    std::fprintf(stderr, "upstander-teacher: cannot open a browser; open the link above\n");
  }
}

int run_signin_link(const Args& args) {
  server::ServerOptions o;
  const auto parsed = cli::parse(args, server_option_specs(), /*allow_positionals=*/false);
  if (!parsed) return usage_error(parsed.error().message);
  if (int rc = read_server_options(*parsed, o); rc != 0) return rc;
  const std::string& data_dir = o.data_dir;  // read_server_options filled it
  const std::string token = dashboard::read_teacher_token(data_dir);
  if (dashboard::probe_local_server(o.port, token) != dashboard::LocalProbe::Running) {
    std::fprintf(stderr,
                 "upstander-teacher: no classroom server with the data folder %s answers on "
                 "port %d (start it with `upstander-teacher serve`)\n",
                 data_dir.c_str(), o.port);
    return 1;
  }
  httplib::Client cli("127.0.0.1", o.port);
  cli.set_bearer_token_auth(token.c_str());
  const auto res = cli.Post("/api/v1/teacher/signin-links", "{}", "application/json");
  const auto j = res ? nlohmann::json::parse(res->body, nullptr, false) : nlohmann::json();
  if (!res || res->status != 200 || !j.is_object() || !j.contains("token")) {
    std::fprintf(stderr, "upstander-teacher: the server did not give a sign-in link\n");
    return 1;
  }
  std::printf("%s\n", signin_url(o.bind_address, o.port, j["token"].get<std::string>()).c_str());
  return 0;
}

}  // namespace upstander::teacher
