// End to end: a session started through the dashboard's model, 30 simulated students
// playing through the student client, and what the dashboard shows checked against what
// the class did and against every export. No suppressed count may appear anywhere.
//
// Index:
//   1. Helpers and the class fixture
//   2. A class of 30 end to end
//   3. Setting up: offered scenarios, data, server, drafts
//   4. A named class
//   5. Opening the export folder

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "api_client.hpp"
#include "cell_words.hpp"
#include "dashboard_model.hpp"
#include "demo_class.hpp"
#include "norm_line.hpp"
#include "report_html.hpp"
#include "desktop_open.hpp"
#include "session_title.hpp"
#include "server_test_support.hpp"

using namespace upstander;
using namespace upstander::dashboard;

namespace {

// --- 1. Helpers and the class fixture ---

bool same(const Cell& a, const Cell& b) {
  return a.shown == b.shown && a.count == b.count && a.id == b.id;
}

// The cells of one CSV row: section,scenario,point,point_text,answer,answer_text,count,shown,mean
std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') {
      if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (c == ',' && !quoted) {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

struct Fixture {
  test::TempDir server_dir, scratch;
  test::TestServer srv{server_dir.path()};
  ContentLibrary lib = ContentLibrary::load({test::source_path("content/locale")});
  ApiClient api{{"127.0.0.1", srv.port()}, srv.token()};
  Dashboard d;

  Fixture() : d(api, lib, settings(), config()) {}

  DashboardSettings settings() {
    DashboardSettings s;
    s.language = "en";
    s.export_dir = scratch.path() + "/exports";
    return s;
  }
  DashboardConfig config() {
    DashboardConfig c;
    c.content_dir = test::source_path("content");
    c.settings_path = scratch.path() + "/dashboard.json";
    return c;
  }
};

}  // namespace

// --- 2. A class of 30 end to end ---

TEST_CASE("a class of 30: what the dashboard shows matches the class and every export") {
  Fixture f;
  Dashboard& d = f.d;
  d.refresh_all();
  d.settle();
  REQUIRE(d.reachable());
  REQUIRE_FALSE(d.catalog().scenarios.empty());
  CHECK(d.setup().k == 5);
  // Nothing is chosen for the teacher; the test content has one scenario.
  CHECK(d.setup().scenarios.empty());
  CHECK_FALSE(d.can_start());
  d.toggle_scenario("feature-tour");
  REQUIRE(d.setup().scenarios == std::vector<std::string>{"feature-tour"});
  d.set_language("en");
  REQUIRE(d.can_start());
  d.start_session();
  d.settle();
  REQUIRE(d.current());
  CHECK(d.screen() == Screen::Lobby);
  CHECK(d.current()->code.size() == 6);

  DemoClass demo(
      {"127.0.0.1", f.srv.port(), d.current()->code, 30, 3, f.scratch.path() + "/class"});
  REQUIRE(demo.join() == 30);
  d.poll_now();
  d.settle();
  CHECK(d.current()->players == 30);

  demo.pre_survey();
  demo.play_to_end();
  demo.post_survey();
  REQUIRE(demo.flush(std::chrono::seconds(30)));
  d.show_screen(Screen::Live);
  d.poll_now();
  d.settle();
  REQUIRE(d.live());
  const Summary& live = *d.live();
  REQUIRE(live.scenarios.size() == 1);
  const ScenarioResults& sc = live.scenarios[0];
  REQUIRE_FALSE(sc.decisions.empty());

  // What is shown is what the class did, and small groups are hidden.
  int suppressed = 0;
  for (const auto& dec : sc.decisions) {
    const auto& truth = demo.truth().choices.at("feature-tour/" + dec.node);
    int total = 0;
    for (const auto& [id, n] : truth) total += n;
    CAPTURE(dec.node);
    if (dec.row.total.count) CHECK(*dec.row.total.count == total);
    for (const auto& c : dec.row.cells) {
      const int n = truth.count(c.id) ? truth.at(c.id) : 0;
      if (c.count) {
        CHECK(*c.count == n);
      } else {
        ++suppressed;
        if (c.shown == Shown::FewerThanK) CHECK(n < 5);
      }
    }
    // The norm line quotes only published numbers, and what it claims is true.
    // Where the count is hidden (the server's "most" words), it claims a majority of at
    // least k and quotes no count.
    if (const auto line = norm_line(dec.row, live.k)) {
      if (line->kind == NormKind::MostInWords) {
        CHECK(line->count == 0);
        CHECK(truth.at(line->choice_id) >= live.k);
        CHECK(2 * truth.at(line->choice_id) > total);
      } else {
        CHECK(line->count == truth.at(line->choice_id));
        for (const auto& [id, n] : truth) {
          if (id != line->choice_id) CHECK(n < line->count);
        }
      }
    }
  }
  CHECK(suppressed > 0);  // the seeded class has small groups, so suppression is tested

  // The JSON export holds exactly what the dashboard shows.
  const ApiResult json = f.api.export_file(d.current()->id, "json");
  REQUIRE(json.ok());
  const auto exported = parse_summary(json->body);
  REQUIRE(exported);
  REQUIRE(exported->scenarios.size() == 1);
  for (std::size_t i = 0; i < sc.decisions.size(); ++i) {
    const auto& a = sc.decisions[i].row;
    const auto& b = exported->scenarios[0].decisions[i].row;
    CHECK(same(a.total, b.total));
    REQUIRE(a.cells.size() == b.cells.size());
    for (std::size_t c = 0; c < a.cells.size(); ++c) CHECK(same(a.cells[c], b.cells[c]));
  }
  for (std::size_t c = 0; c < sc.endings.cells.size(); ++c)
    CHECK(same(sc.endings.cells[c], exported->scenarios[0].endings.cells[c]));

  // So does the CSV, row for row; a suppressed cell has no count there either.
  const ApiResult csv = f.api.export_file(d.current()->id, "csv");
  REQUIRE(csv.ok());
  std::istringstream lines(csv->raw);
  std::string line;
  int choice_rows = 0;
  while (std::getline(lines, line)) {
    const auto fld = csv_fields(line);
    if (fld.size() < 8 || fld[0] != "choice" || fld[4] == "(total)") continue;
    const auto dec = std::find_if(sc.decisions.begin(), sc.decisions.end(),
                                  [&](const Decision& x) { return x.node == fld[2]; });
    REQUIRE(dec != sc.decisions.end());
    const auto cell = std::find_if(dec->row.cells.begin(), dec->row.cells.end(),
                                   [&](const Cell& x) { return x.id == fld[4]; });
    REQUIRE(cell != dec->row.cells.end());
    ++choice_rows;
    if (fld[7] == "most") {
      CHECK(dec->row.most == fld[4]);  // the words, never a count
      CHECK(fld[6].empty());
    } else if (cell->count) {
      CHECK(fld[6] == std::to_string(*cell->count));
    } else {
      CHECK(fld[6].empty());
      CHECK(fld[7] == (cell->shown == Shown::FewerThanK ? "fewer_than_k" : "hidden"));
    }
  }
  CHECK(choice_rows > 0);

  // The printable report writes each suppressed cell as words.
  const std::string html = report_html(live, d.text(), d.guide());
  for (const auto& dec : sc.decisions) {
    for (const auto& c : dec.row.cells) {
      const std::string tag = "data-cell=\"feature-tour/" + dec.node + "/" + c.id + "\">";
      const auto at = html.find(tag);
      REQUIRE(at != std::string::npos);
      const std::string shown = html.substr(at + tag.size(), html.find('<', at) - at - tag.size());
      CHECK(shown == html_escape(cell_words(c, live.k, d.text())));
      if (!c.count)
        CHECK(std::none_of(shown.begin(), shown.end(),
                           [](char ch) { return ch >= '0' && ch <= '4'; }));
    }
  }

  // Survey statements read the right way round: as students saw them, with the raw answers
  // before and after and which answer is the good one; the shift is toward the good answer.
  const auto cell_text = [&](const std::string& name) {
    const std::string tag = "data-cell=\"" + name + "\">";
    const auto at = html.find(tag);
    REQUIRE_MESSAGE(at != std::string::npos, name);
    return html.substr(at + tag.size(), html.find('<', at) - at - tag.size());
  };
  REQUIRE(live.survey.size() == 5);
  int reversed = 0;
  for (const auto& item : live.survey) {
    CAPTURE(item.id);
    reversed += item.disagree_is_good ? 1 : 0;
    CHECK(html.find(html_escape(item.text_a)) != std::string::npos);
    CHECK(html.find(html_escape(item.text_b)) != std::string::npos);
    CHECK(cell_text("survey/" + item.id + "/good") ==
          html_escape(d.text()(item.disagree_is_good ? "teacher.survey.good_disagree"
                                                     : "teacher.survey.good_agree")));
    REQUIRE(item.pre_raw);
    REQUIRE(item.post_raw);
    CHECK(cell_text("survey/" + item.id + "/pre") ==
          mean_words(MeanValue{item.pre.n, item.pre_raw}, live.k, d.text()));
    // The keyed mean is the raw one turned round where disagreeing is good.
    CHECK(*item.pre.mean ==
          doctest::Approx(item.disagree_is_good ? 6.0 - *item.pre_raw : *item.pre_raw));
    // The demo class leans the good way after play: agreement falls on a reversed item.
    if (item.disagree_is_good) CHECK(*item.post_raw < *item.pre_raw);
  }
  CHECK(reversed == 1);
  CHECK(live.survey_goals.size() == 5);
  REQUIRE(live.discernment);
  CHECK(live.discernment->vignettes.size() == 2);
  CHECK(live.discernment->pre);
  CHECK(cell_text("vignette/forward-it/good") ==
        html_escape(d.text()("teacher.survey.good_not_ok")));

  // The debrief walks every decision point; revealing is per point.
  d.show_screen(Screen::Debrief);
  CHECK(d.debrief_points().size() == sc.decisions.size());
  CHECK_FALSE(d.revealed());
  d.toggle_preview();
  CHECK(d.preview());
  d.reveal();
  CHECK(d.revealed());
  CHECK_FALSE(d.preview());
  d.next_point();
  CHECK_FALSE(d.revealed());
  d.previous_point();
  CHECK(d.revealed());

  // Ending the session leads to its results; exports land in the export folder.
  const std::string id = d.current()->id;
  d.request_end();
  CHECK(d.confirm() == Confirm::EndSession);
  d.accept_confirm();
  d.settle();
  CHECK_FALSE(d.current());
  CHECK(d.mode() == Mode::Results);
  REQUIRE(d.selected());
  CHECK(d.selected()->session.id == id);
  CHECK(d.selected()->session.ended());
  for (const char* format : {"csv", "json", "html"}) {
    d.export_selected(format);
    d.settle();
    REQUIRE_FALSE(d.last_export().empty());
    CHECK(d.last_export().find(std::string(".") + format) != std::string::npos);
    CHECK(std::filesystem::file_size(d.last_export()) > 100);
  }
  CHECK(test::read_file(d.last_export()).find("<table>") != std::string::npos);

  // "Delete now" really deletes: the server no longer knows the session.
  d.request_delete();
  d.accept_confirm();
  d.settle();
  CHECK_FALSE(d.selected());
  CHECK(std::none_of(d.sessions().begin(), d.sessions().end(),
                     [&](const SessionInfo& s) { return s.id == id; }));
  const ApiResult gone = f.api.summary(id);
  REQUIRE_FALSE(gone.ok());
  CHECK(gone.error().status == 404);
}

// --- 3. Setting up: offered scenarios, data, server, drafts ---

TEST_CASE("only offered scenarios can be chosen, and data collection can be off") {
  Fixture f;
  Dashboard& d = f.d;
  d.refresh_all();
  d.settle();
  // Only scenarios the server offers can be picked; a second click takes one out again.
  d.toggle_scenario("no-such-scenario");
  CHECK(d.setup().scenarios.empty());
  d.toggle_scenario("feature-tour");
  d.toggle_scenario("feature-tour");
  CHECK(d.setup().scenarios.empty());
  d.toggle_scenario("feature-tour");
  d.set_collect(false);
  d.start_session();
  d.settle();
  REQUIRE(d.current());
  CHECK_FALSE(d.current()->collect);
  DemoClass demo({"127.0.0.1", f.srv.port(), d.current()->code, 6, 9, f.scratch.path() + "/off"});
  REQUIRE(demo.join() == 6);
  demo.play_to_end();
  REQUIRE(demo.flush(std::chrono::seconds(20)));
  d.show_screen(Screen::Live);
  d.poll_now();
  d.settle();
  REQUIRE(d.live());
  for (const auto& dec : d.live()->scenarios[0].decisions) {
    for (const auto& c : dec.row.cells) CHECK(c.count.value_or(0) == 0);
  }
}

TEST_CASE("an unreachable server is reported, not fatal") {
  test::TempDir scratch;
  const ContentLibrary lib = ContentLibrary::load({test::source_path("content/locale")});
  ApiClient api({"127.0.0.1", 1}, "token");
  DashboardSettings s;
  s.language = "en";
  DashboardConfig c;
  c.content_dir = test::source_path("content");
  Dashboard d(api, lib, s, c);
  d.refresh_all();
  d.settle();
  CHECK_FALSE(d.reachable());
  CHECK(d.notice().find("127.0.0.1:1") != std::string::npos);
}

TEST_CASE("a draft is offered only when the teacher allows it") {
  Fixture f;
  Dashboard& d = f.d;
  // A school pack that is still a draft: the feature tour under another id.
  nlohmann::json pack = nlohmann::json::parse(
      test::read_file(test::source_path("content/scenarios/feature-tour.json")));
  pack["id"] = "tour-draft";
  pack["review"] = {{"status", "draft"}};
  const ApiResult added = f.api.post("/api/v1/teacher/packs", pack);
  REQUIRE_MESSAGE(added.ok(),
                  (added.ok() ? "" : added.error().code + ": " + added.error().message));
  d.refresh_all();
  d.settle();
  const auto& all = d.catalog().scenarios;
  const auto draft = std::find_if(all.begin(), all.end(),
                                  [](const CatalogScenario& s) { return s.id == "tour-draft"; });
  REQUIRE(draft != all.end());
  CHECK(draft->draft());
  CHECK(draft->source == "school");

  d.toggle_scenario("tour-draft");
  CHECK(d.setup().scenarios.empty());  // not without permission
  d.set_allow_drafts(true);
  d.toggle_scenario("tour-draft");
  d.toggle_scenario("feature-tour");
  CHECK(d.setup().scenarios == std::vector<std::string>{"tour-draft", "feature-tour"});
  d.set_allow_drafts(false);  // the permission goes, and the draft with it
  CHECK(d.setup().scenarios == std::vector<std::string>{"feature-tour"});
  d.set_allow_drafts(true);
  d.toggle_scenario("tour-draft");
  d.start_session();
  d.settle();
  REQUIRE(d.current());
  CHECK(d.current()->scenarios == std::vector<std::string>{"feature-tour", "tour-draft"});
}

// --- 4. A named class ---

TEST_CASE("a named class keeps its name through setup, results, the report and the export folder") {
  Fixture f;
  std::vector<std::string> opened;
  // The desktop opener, as the model sees it: it records what it was given.
  Dashboard named(f.api, f.lib, f.settings(), [&] {
    DashboardConfig c = f.config();
    c.open_path = [&](const std::string& p) {
      opened.push_back(p);
      return p.find("missing") == std::string::npos;
    };
    return c;
  }());
  named.refresh_all();
  named.settle();
  named.toggle_scenario("feature-tour");
  named.set_language("ko");
  named.setup_name() = "늘봄 2학년 3반";
  named.start_session();
  named.settle();
  REQUIRE(named.current());
  CHECK(named.current()->name == "늘봄 2학년 3반");
  // The dashboard is in English, the class in Korean: the projected screens follow the class.
  CHECK(named.showing_session());
  CHECK(named.text().language() == "ko");
  CHECK(named.text()("teacher.lobby.title") == "우리 반 참여하기");
  CHECK(named.guide().find("group-chat", "first-move")->heading ==
        "첫 반응: 반 단톡에 사진이 올라옴");
  named.show_mode(Mode::Settings);
  CHECK(named.text().language() == "en");
  named.show_mode(Mode::Session);

  named.request_end();
  named.accept_confirm();
  named.settle();
  REQUIRE(named.selected());
  CHECK(named.selected()->session.name == "늘봄 2학년 3반");
  CHECK(session_title(named.selected()->session, named.text()).rfind("늘봄 2학년 3반 · ", 0) == 0);
  CHECK_FALSE(named.can_open_exports());  // nothing saved yet
  named.export_selected("html");
  named.settle();
  const std::string report = test::read_file(named.last_export());
  CHECK(report.find("늘봄 2학년 3반") != std::string::npos);
  CHECK(report.find("<html lang=\"ko\">") != std::string::npos);  // the class's language
  named.export_selected("csv");
  named.settle();
  CHECK(test::read_file(named.last_export()).find("session,,name,,늘봄 2학년 3반,") !=
        std::string::npos);

  REQUIRE(named.can_open_exports());
  named.open_export_folder();
  named.open_last_export();
  REQUIRE(opened.size() == 2);
  CHECK(std::filesystem::path(opened[0]) ==
        std::filesystem::path(named.last_export()).parent_path());
  CHECK(opened[1] == named.last_export());
  CHECK(named.notice().find("Saved") != std::string::npos);  // no failure notice
}

// --- 5. Opening the export folder ---

TEST_CASE("the desktop opener hands the path over as one argument and reports a failure") {
  test::TempDir dir;
  const std::string log = dir.path() + "/args";
  const std::string fake = dir.path() + "/xdg-open";
  {
    std::ofstream s(fake);
    s << "#!/bin/sh\nprintf '%s|' \"$#\" \"$@\" > '" << log
      << "'\ncase \"$1\" in *fail*) exit 4;; esac\nexit 0\n";
  }
  std::filesystem::permissions(fake, std::filesystem::perms::owner_all);
  const char* old_path = std::getenv("PATH");
  const std::string saved = old_path ? old_path : "";
  setenv("PATH", (dir.path() + ":" + saved).c_str(), 1);
  const bool ok = open_with_desktop("/tmp/a folder/it's; $(rm -rf x).html");
  const std::string args = test::read_file(log);
  const bool failed = !open_with_desktop("/tmp/fail");
  setenv("PATH", saved.c_str(), 1);
  CHECK(ok);
  CHECK(args == "1|/tmp/a folder/it's; $(rm -rf x).html|");
  CHECK(failed);
}
