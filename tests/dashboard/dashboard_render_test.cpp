// Every dashboard screen rendered headless (SDL's dummy driver, the software renderer)
// with a seeded class: no text problem, and every chart box shows its cell exactly as
// published. A suppressed cell's box reads "fewer than 5" or "hidden" and nothing else.
#include <doctest/doctest.h>

#include <map>

#include "api_client.hpp"
#include "cell_words.hpp"
#include "dashboard_model.hpp"
#include "dashboard_window.hpp"
#include "demo_class.hpp"
#include "server_test_support.hpp"

using namespace upstander;
using namespace upstander::dashboard;

namespace {

// The text each chart box must show, by box name ("live/feature-tour/<node>/<choice>").
std::map<std::string, std::string> expected_boxes(const Summary& s, const std::string& prefix,
                                                  const DashboardText& t) {
  std::map<std::string, std::string> out;
  for (const auto& sc : s.scenarios) {
    for (const auto& d : sc.decisions) {
      for (const auto& c : d.row.cells)
        out[prefix + "/" + sc.id + "/" + d.node + "/" + c.id] = cell_words(c, s.k, t);
    }
    for (const auto& c : sc.endings.cells)
      out[prefix + "/" + sc.id + "/endings/" + c.id] = cell_words(c, s.k, t);
  }
  return out;
}

// Checks this frame's drawn texts against the boxes; returns how many boxes were seen.
int check_boxes(ui::TextAudit& audit, const std::map<std::string, std::string>& boxes) {
  int seen = 0;
  for (const auto& drawn : audit.drawn_texts()) {
    const auto it = boxes.find(drawn.where);
    if (it == boxes.end()) continue;
    ++seen;
    CAPTURE(drawn.where);
    CHECK(drawn.text == it->second);
  }
  return seen;
}

}  // namespace

TEST_CASE("every screen renders with no text problem and draws suppressed cells as words") {
  test::TempDir server_dir, scratch;
  test::TestServer srv(server_dir.path());
  const ContentLibrary lib =
      ContentLibrary::load({test::source_path("content/locale"),
                            test::source_path("content/scenarios/feature-tour.json")});
  ApiClient api({"127.0.0.1", srv.port()}, srv.token());
  DashboardSettings local;
  local.language = "en";
  local.export_dir = scratch.path() + "/exports";
  DashboardConfig config;
  config.content_dir = test::source_path("content");
  Dashboard d(api, lib, local, config);
  DashboardWindow window;
  WindowSetup ws;
  ws.hidden = true;
  ws.assets_dir = UPSTANDER_ASSETS_DIR_FOR_TESTS;
  const auto opened = window.open(d, lib, ws);
  REQUIRE_MESSAGE(opened.ok(), (opened.ok() ? "" : opened.error()));
  ui::TextAudit& audit = window.audit();
  audit.record_drawn(true);
  const auto render = [&] {
    window.frame();
    audit.clear();
    window.frame();
    for (const auto& p : audit.problems())
      FAIL_CHECK(p.kind << " " << p.where << ": " << p.text << " " << p.detail);
  };

  d.refresh_all();
  d.settle();
  render();  // setup
  d.toggle_scenario("feature-tour");
  render();
  d.start_session();
  d.settle();
  REQUIRE(d.current());
  DemoClass demo({"127.0.0.1", srv.port(), d.current()->code, 12, 5, scratch.path() + "/class"});
  REQUIRE(demo.join() == 12);
  demo.pre_survey();
  demo.play_to_end();
  demo.post_survey();
  REQUIRE(demo.flush(std::chrono::seconds(30)));
  d.poll_now();
  d.settle();
  render();  // lobby
  bool saw_count = false;
  for (const auto& t : audit.drawn_texts())
    saw_count = saw_count || (t.where == "lobby-joined" && t.text == "12");
  CHECK(saw_count);

  d.show_screen(Screen::Live);
  d.poll_now();
  d.settle();
  REQUIRE(d.live());
  int suppressed = 0;
  for (const auto& dec : d.live()->scenarios[0].decisions)
    for (const auto& c : dec.row.cells) suppressed += c.count ? 0 : 1;
  CHECK(suppressed > 0);
  render();
  CHECK(check_boxes(audit, expected_boxes(*d.live(), "live", d.text())) > 0);

  d.show_screen(Screen::Debrief);
  for (std::size_t i = 0; i < d.debrief_points().size(); ++i) {
    render();
    CHECK(check_boxes(audit, expected_boxes(*d.live(), "debrief", d.text())) > 0);
    d.toggle_preview();
    render();
    d.reveal();
    render();
    d.next_point();
  }
  d.request_end();
  render();
  d.accept_confirm();
  d.settle();
  render();  // results
  REQUIRE(d.selected());
  CHECK(check_boxes(audit, expected_boxes(*d.selected(), "results", d.text())) > 0);
  d.show_mode(Mode::Settings);
  d.settle();
  render();
  DashboardSettings look = d.local();
  look.high_contrast = true;
  look.large_text = true;
  d.update_local(look);
  d.show_mode(Mode::Results);
  render();
  CHECK(d.text().missing().empty());
}
