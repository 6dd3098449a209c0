// `upstander-teacher` without a subcommand: the dashboard, on the classroom server running
// on this computer (started detached when there is none), or another machine's with
// --server; --tour renders every screen.
#include <SDL.h>
#include <signal.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "api_client.hpp"
#include "commands.hpp"
#include "dashboard_model.hpp"
#include "dashboard_tour.hpp"
#include "dashboard_window.hpp"
#include "join_address.hpp"
#include "local_server.hpp"
#include "upstander/author/autosave.hpp"
#include "upstander/user_folders.hpp"
#include "upstander/shipped_data.hpp"
#include "upstander/server/classroom_server.hpp"

namespace upstander::teacher {

namespace {

// The student game installed beside this program, else the one built with it.
std::string default_game_exe() {
  const std::filesystem::path beside = executable_path().parent_path() / "upstander";
  std::error_code ec;
  return std::filesystem::is_regular_file(beside, ec) ? beside.string() : UPSTANDER_BUILT_GAME_EXE;
}

struct DashboardArgs {
  std::string server;      // --server URL
  std::string token_file;  // --token-file
  std::string tour_dir;
  std::string language;
  std::string assets = find_shipped(ShippedData::Assets).string();
  std::string game = default_game_exe();  // --game: the student game, for "play from here"
  int width = 1280;
  int height = 720;
};

std::vector<cli::Spec> dashboard_option_specs() {
  std::vector<cli::Spec> specs = server_option_specs();
  for (const char* name :
       {"--server", "--token-file", "--tour", "--assets", "--game", "--lang", "--size"})
    specs.push_back(cli::option(name));
  return specs;
}

int read_dashboard_args(const cli::Parsed& p, DashboardArgs& a) {
  a.server = p.value("--server", a.server);
  a.token_file = p.value("--token-file", a.token_file);
  a.tour_dir = p.value("--tour", a.tour_dir);
  a.assets = p.value("--assets", a.assets);
  a.game = p.value("--game", a.game);
  if (p.has("--lang")) {
    a.language = p.value("--lang");
    if (a.language != "ko" && a.language != "en") return usage_error("--lang is ko or en");
  }
  if (p.has("--size")) {
    if (std::sscanf(p.value("--size").c_str(), "%dx%d", &a.width, &a.height) != 2 ||
        a.width < 640 || a.height < 480)
      return usage_error("--size is WIDTHxHEIGHT, e.g. 1920x1080");
  }
  return 0;
}

std::string system_locale() {
  for (const char* v : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    if (const char* s = std::getenv(v); s && *s) return s;
  }
  return "";
}

std::string read_token(const DashboardArgs& a) {
  if (!a.token_file.empty()) {
    std::ifstream in(a.token_file);
    std::string token;
    in >> token;
    return token;
  }
  const char* env = std::getenv("UPSTANDER_TEACHER_TOKEN");
  return env ? env : "";
}

// The teacher's `kind` folder (upstander/user_folders.hpp), else `data_dir`: a teacher
// with no home who gave --data keeps everything there.
std::string teacher_folder(FolderKind kind, const std::string& data_dir) {
  const auto dir = user_folder(Program::Teacher, kind);
  return dir ? dir->string() : data_dir;
}

// The dashboard's settings (config); an older version kept them with the data: read
// that copy until the first save writes the new one.
std::string settings_file_to_read(const std::string& settings_path, const std::string& data_dir) {
  std::error_code ec;
  const std::string old = data_dir + "/dashboard.json";
  return !std::filesystem::exists(settings_path, ec) && std::filesystem::exists(old, ec)
             ? old
             : settings_path;
}

// Author mode's folders: packs where the teacher finds them (~/Upstander/packs), recovery
// files and backups in the teacher's data folder (older versions' adopted), the packs
// copied for "play from here" in the state folder.
dashboard::AuthorConfig author_config(const DashboardArgs& a, const std::string& content_dir,
                                      const std::string& data_dir) {
  dashboard::AuthorConfig c;
  const char* home = std::getenv("HOME");
  c.packs_dir = std::string(home && *home ? home : ".") + "/Upstander/packs";
  c.preview_dir = teacher_folder(FolderKind::State, data_dir) + "/author-preview";
  c.autosave.data_dir = data_dir + "/author";
  author::adopt_old_drafts(c.autosave.data_dir);
  c.game_exe = a.game;
  c.content_dir = content_dir;
  c.assets_dir = a.assets;
  return c;
}

int run_window(dashboard::Dashboard& d, const ContentLibrary& lib, const DashboardArgs& a,
               dashboard::AuthorWorkspace& author) {
  dashboard::DashboardWindow window;
  window.set_author(&author);
  dashboard::WindowSetup ws;
  ws.width = a.width;
  ws.height = a.height;
  ws.assets_dir = a.assets;
  if (const auto opened = window.open(d, lib, ws); !opened) {
    std::cerr << "upstander-teacher: " << opened.error() << "\n";
    return 1;
  }
  d.refresh_all();
  while (window.pump()) {
    window.frame();
    // Sleep until input, at most 50 ms: polls and the live numbers keep flowing, and an
    // idle dashboard does not keep a laptop's fan busy.
    SDL_WaitEventTimeout(nullptr, 50);
  }
  return 0;
}

// --port 0 (a free port each time): nothing could find such a server again, so it lives
// and dies with this window, as before issue 12.
int run_in_process(const server::ServerOptions& options, dashboard::DashboardConfig config,
                   const ContentLibrary& lib, const dashboard::DashboardSettings& local,
                   const DashboardArgs& a, const std::string& data_dir) {
  server::ClassroomServer srv;
  const server::StartResult started = srv.start(options);
  if (!started.ok()) {
    std::cerr << "upstander-teacher: cannot start the classroom server ("
              << server::name_of(started.error) << "): " << started.message << "\n";
    return 1;
  }
  print_join_addresses(options.bind_address, srv.port());
  std::fflush(stdout);
  dashboard::ApiClient api({"127.0.0.1", srv.port()}, srv.teacher_token());
  dashboard::Dashboard d(api, lib, local, config);
  dashboard::AuthorWorkspace author(lib, author_config(a, config.content_dir, data_dir));
  const int rc = run_window(d, lib, a, author);
  srv.stop();
  return rc;
}

}  // namespace

int run_dashboard(const Args& args) {
  std::setlocale(LC_ALL, "");
  server::ServerOptions options;
  options.discovery_port = 47810;
  const auto parsed = cli::parse(args, dashboard_option_specs(), /*allow_positionals=*/false);
  if (!parsed) return usage_error(parsed.error().message);
  if (int rc = read_server_options(*parsed, options); rc != 0) return rc;
  DashboardArgs a;
  if (int rc = read_dashboard_args(*parsed, a); rc != 0) return rc;

  if (!a.tour_dir.empty()) {
    setenv("SDL_VIDEODRIVER", "dummy", 0);  // the tour never needs a display
    dashboard::TourSetup t;
    t.out_dir = a.tour_dir;
    t.language = a.language.empty() ? "ko" : a.language;
    t.width = a.width;
    t.height = a.height;
    t.assets_dir = a.assets;
    t.content = options.content_paths;
    return dashboard::run_dashboard_tour(t);
  }

  signal(SIGPIPE, SIG_IGN);
  const ContentLibrary lib = ContentLibrary::load(options.content_paths);
  const std::string data_dir = options.data_dir;  // read_server_options filled it
  const std::string settings_path =
      teacher_folder(FolderKind::Config, data_dir) + "/dashboard.json";
  dashboard::DashboardSettings local = dashboard::load_dashboard_settings(
      settings_file_to_read(settings_path, data_dir), system_locale());
  if (!a.language.empty()) local.language = a.language;
  dashboard::DashboardConfig config;
  config.content_dir = options.content_paths.front();
  config.settings_path = settings_path;
  config.open_path = dashboard::open_with_desktop;

  if (!a.server.empty()) {
    // Another machine's server: the same API, with the teacher token it made.
    const auto url = dashboard::parse_server_url(a.server);
    if (!url) return usage_error("--server is http://HOST:PORT");
    const std::string token = read_token(a);
    if (token.empty())
      return usage_error(
          "--server needs the teacher token: --token-file FILE or UPSTANDER_TEACHER_TOKEN");
    dashboard::ApiClient api(*url, token);
    dashboard::Dashboard d(api, lib, local, config);
    dashboard::AuthorWorkspace author(lib, author_config(a, config.content_dir, data_dir));
    return run_window(d, lib, a, author);
  }

  const auto hosts = dashboard::join_hosts(options.bind_address, dashboard::local_addresses(),
                                           dashboard::local_host_name());
  if (hosts.by_name) options.allowed_hosts.push_back(hosts.hosts.front());
  // No LAN address: the lobby says students cannot reach this server.
  config.join_host = hosts.hosts.empty() ? "127.0.0.1" : hosts.hosts.front();
  if (hosts.hosts.size() > 1) config.join_hosts = hosts.hosts;
  config.join_by_name = hosts.by_name;
  if (options.port == 0) return run_in_process(options, config, lib, local, a, data_dir);

  // The class's server is a process of its own: the one already running here, or one
  // started now that goes on when this window closes or crashes (issue 12).
  const auto local_server = dashboard::ensure_local_server(dashboard::own_executable(), options);
  if (!local_server) {
    std::cerr << "upstander-teacher: " << local_server.error().message << "\n";
    return 1;
  }
  if (local_server->started) {
    std::printf(
        "upstander-teacher: started the classroom server (pid %d); it keeps running "
        "when this window closes (stop it with: kill %d)\n",
        static_cast<int>(local_server->pid), static_cast<int>(local_server->pid));
  }
  print_join_addresses(options.bind_address, options.port);
  std::fflush(stdout);
  dashboard::ApiClient api({"127.0.0.1", options.port}, local_server->token);
  dashboard::Dashboard d(api, lib, local, config);
  dashboard::AuthorWorkspace author(lib, author_config(a, config.content_dir, data_dir));
  return run_window(d, lib, a, author);
}

}  // namespace upstander::teacher
