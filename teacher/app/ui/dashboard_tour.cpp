// The tour: a real server, a simulated class of 28 and a second class of 9, driven
// through every screen of the dashboard.
#include "dashboard_tour.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>

#include "api_client.hpp"
#include "author_workspace.hpp"
#include "dashboard_model.hpp"
#include "dashboard_screens.hpp"
#include "dashboard_window.hpp"
#include "demo_class.hpp"
#include "upstander/ui/tour_report.hpp"
#include "upstander/content_library.hpp"
#include "upstander/server/classroom_server.hpp"

namespace upstander::dashboard {

namespace {

class Tour {
 public:
  explicit Tour(const TourSetup& s) : s_(s), report_(s.out_dir) {}

  int run() {
    std::error_code ec;
    scratch_ = s_.out_dir / "scratch";
    std::filesystem::remove_all(scratch_, ec);
    std::filesystem::create_directories(scratch_, ec);
    const int rc = tour();
    std::filesystem::remove_all(scratch_, ec);
    return rc;
  }

 private:
  int tour() {
    server::ServerOptions o;
    o.bind_address = "127.0.0.1";
    o.port = 0;
    o.data_dir = (scratch_ / "server").string();
    o.content_paths = s_.content;
    server::ClassroomServer srv;
    const auto started = srv.start(o);
    if (!started.ok()) {
      std::cerr << "tour: cannot start the server: " << started.message << "\n";
      return 2;
    }
    const ContentLibrary lib = ContentLibrary::load(s_.content);
    ApiClient api({"127.0.0.1", srv.port()}, srv.teacher_token());
    DashboardSettings local;
    local.language = s_.language;
    local.export_dir = (scratch_ / "exports").string();
    DashboardConfig config;
    config.content_dir = s_.content.front();
    config.join_host = "192.168.0.12";  // a demo address: what a classroom laptop shows
    // A laptop on the wired network and on Wi-Fi: the lobby offers both.
    config.join_hosts = {"192.168.0.12", "10.20.30.40"};
    config.open_path = [](const std::string&) { return true; };  // shows "Open", opens nothing
    Dashboard d(api, lib, local, config);
    WindowSetup ws;
    ws.width = s_.width;
    ws.height = s_.height;
    ws.hidden = true;
    ws.assets_dir = s_.assets_dir;
    if (const auto opened = window_.open(d, lib, ws); !opened) {
      std::cerr << "tour: " << opened.error() << "\n";
      return 2;
    }
    for (char32_t cp : window_.missing_glyphs())
      fail("atlas", "missing-glyph", "U+" + ui::TourReport::hex(cp));
    d_ = &d;
    d.refresh_all();
    d.settle();
    shot("setup-empty");
    d.toggle_scenario(first_classroom_scenario(d));
    d.setup_name() = d.text()("teacher.tour.class_a");
    shot("setup");

    d.start_session();
    d.settle();
    if (!d.current()) {
      fail("setup", "session", "the session did not start");
      return finish(d);
    }
    DemoClass demo(
        {"127.0.0.1", srv.port(), d.current()->code, 28, 7, (scratch_ / "class-a").string()});
    demo.join();
    refresh();
    shot("lobby");
    d.set_locked(true);
    refresh();
    shot("lobby-locked");
    d.set_locked(false);
    set_lobby_projector(true);
    refresh();
    shot("lobby-projector");
    set_lobby_projector(false);

    demo.pre_survey(0.9);
    demo.step();
    demo.step();
    demo.flush(std::chrono::seconds(20));
    d.show_screen(Screen::Live);
    refresh();
    shot("live-playing");
    demo.play_to_end();
    demo.post_survey(0.85);
    demo.flush(std::chrono::seconds(20));
    refresh();
    shot("live-finished");

    d.show_screen(Screen::Debrief);
    refresh();
    shot("debrief-covered");
    d.toggle_preview();
    shot("debrief-preview");
    d.reveal();
    shot("debrief-revealed");
    const auto points = d.debrief_points().size();
    for (std::size_t i = 1; i < points; ++i) {
      d.next_point();
      d.reveal();
      shot("debrief-point-" + std::to_string(i + 1));
    }
    const std::string first = d.current()->id;
    d.request_end();
    shot("confirm-end");
    d.accept_confirm();
    d.settle();
    shot("results");

    second_class(d, srv.port());
    d.click_session(first);
    d.settle();
    d.pick_compare(true);
    shot("results-pick-compare");
    if (d.sessions().size() >= 2) d.click_session(d.sessions().front().id);
    d.settle();
    shot("results-compare");
    d.compare_with("");
    for (const char* f : {"csv", "json", "html"}) d.export_selected(f);
    d.settle();
    shot("results-exported");
    d.dismiss_notice();
    d.request_delete();
    shot("confirm-delete");
    d.cancel_confirm();

    d.show_mode(Mode::Settings);
    d.settle();
    shot("settings");
    DashboardSettings look = d.local();
    look.high_contrast = true;
    d.update_local(look);
    shot("settings-high-contrast");
    d.show_mode(Mode::Results);
    d.settle();
    shot("results-high-contrast");
    look.high_contrast = false;
    look.large_text = true;
    d.update_local(look);
    shot("results-large-text");
    look.large_text = false;
    d.update_local(look);
    author_screens(d, lib);
    return finish(d);
  }

  // Author mode: the packs, the map and node editor on group-chat with Korean and English
  // text, a chat node, an ending, deleting a node, the characters, the variables page, the
  // pack settings, the condition builder, an unsafe skip, a problem in the diagnostics, and
  // the offer to recover.
  void author_screens(Dashboard& d, const ContentLibrary& lib) {
    AuthorConfig ac;
    ac.packs_dir = (scratch_ / "packs").string();
    ac.preview_dir = (scratch_ / "preview").string();
    ac.autosave.data_dir = (scratch_ / "author-data").string();
    ac.autosave.interval = std::chrono::milliseconds(0);
    AuthorWorkspace w(lib, ac);
    window_.set_author(&w);
    d.show_mode(Mode::Author);
    shot("author-open");
    if (!w.open_shipped("group-chat")) {
      fail("author", "open", "group-chat did not open");
      window_.set_author(nullptr);
      return;
    }
    w.select("first-move");
    shot("author-map");
    // The node editor on a chat (messages, senders, images) and on an ending (help topics,
    // rules sources), and the confirmation before a node with incoming links is deleted.
    w.select("normal-chat");
    shot("author-node-chat");
    for (const auto& n : w.doc().scenario().nodes) {
      if (n.is_ending()) {
        w.select(n.id);
        break;
      }
    }
    shot("author-node-ending");
    w.select("fake-excuse");
    w.confirm_delete = true;
    shot("author-node-delete");
    w.confirm_delete = false;
    w.select("first-move");
    w.show_characters = true;
    w.reveal_page = true;
    w.apply(author::edit::SetText{"character/haeun/name", "en", "Ha-eun"});
    shot("author-characters");
    w.show_characters = false;
    // Issue 18: the variables page, the pack's settings, the condition builder on a route
    // and on choices, and a skip that could reach a harm ending, flagged as it is picked.
    w.show_variables = true;
    w.reveal_page = true;
    shot("author-variables");
    w.show_variables = false;
    w.show_settings = true;
    w.reveal_page = true;
    shot("author-settings");
    w.show_settings = false;
    w.select("monday-end");
    w.reveal_section = "route";
    shot("author-route-builder");
    w.select("yujin-asks");
    w.reveal_section = "choices";
    shot("author-choice-builder");
    w.apply(author::edit::SetSkipTo{"yujin-asks", "monday-end"});
    w.reveal_section = "skip";
    shot("author-skip-unsafe");
    w.undo();
    w.select("first-move");
    // A problem: a choice without its English text.
    w.apply(author::edit::SetText{
        "node/first-move/choice/" + w.doc().scenario().find_node("first-move")->choices.front().id +
            "/text",
        "en", ""});
    shot("author-diagnostics");
    const std::string path = w.doc().path();
    w.close();
    w.open_file(path);
    shot("author-recover");
    window_.set_author(nullptr);
  }

  // The scenario the first lesson usually plays, else the first on offer.
  static std::string first_classroom_scenario(const Dashboard& d) {
    for (const auto& s : d.catalog().scenarios) {
      if (s.id == "group-chat") return s.id;
    }
    return d.catalog().scenarios.empty() ? "" : d.catalog().scenarios.front().id;
  }

  // A second, smaller class on the same scenario, for comparing.
  void second_class(Dashboard& d, int port) {
    d.show_mode(Mode::Session);
    d.show_screen(Screen::Setup);
    d.setup_name() = d.text()("teacher.tour.class_b");
    d.start_session();
    d.settle();
    if (!d.current()) return fail("second-class", "session", "did not start");
    DemoClass demo({"127.0.0.1", port, d.current()->code, 9, 11, (scratch_ / "class-b").string()});
    demo.join();
    demo.pre_survey();
    demo.play_to_end();
    demo.post_survey();
    demo.flush(std::chrono::seconds(20));
    // A class of nine (issue 15): small groups protected, the majority still said in words.
    d.show_screen(Screen::Live);
    refresh();
    shot("small-class-live");
    d.show_screen(Screen::Debrief);
    refresh();
    d.toggle_preview();
    shot("small-class-debrief-preview");
    d.reveal();
    shot("small-class-debrief-revealed");
    d.request_end();
    d.accept_confirm();
    d.settle();
  }

  void refresh() {
    d_->settle();
    d_->poll_now();
    d_->settle();
  }

  int finish(Dashboard& d) {
    for (const auto& key : d.text().missing()) fail("locale", "missing-string", key);
    return report_.finish("dashboard tour (" + s_.language + ", " + std::to_string(s_.width) + "x" +
                          std::to_string(s_.height) + ")");
  }

  void fail(const std::string& view, const std::string& kind, const std::string& what) {
    report_.fail(view, kind, what);
  }

  void shot(const std::string& name) {
    // Three frames: child windows get their size on the first; a glyph met on the first
    // is added to the atlas before the checked one.
    window_.frame();
    window_.frame();
    window_.audit().clear();
    window_.frame();
    report_.shot(name, window_.audit(),
                 [this](const std::filesystem::path& f) { return window_.write_png(f); });
  }

  TourSetup s_;
  std::filesystem::path scratch_;
  ui::TourReport report_;
  DashboardWindow window_;
  Dashboard* d_ = nullptr;
};

}  // namespace

int run_dashboard_tour(const TourSetup& setup) {
  Tour tour(setup);
  return tour.run();
}

}  // namespace upstander::dashboard
