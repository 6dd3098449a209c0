// The dashboard's parts on their own: the norm line's proofs, the guide reader, how cells
// are written, the server address, the QR grid, the local settings.
#include <doctest/doctest.h>

#include <cctype>
#include <fstream>

#include "api_client.hpp"
#include "cell_words.hpp"
#include "dashboard_model.hpp"
#include "dashboard_settings.hpp"
#include "upstander/discussion_guide.hpp"
#include "join_address.hpp"
#include "norm_line.hpp"
#include "qr_matrix.hpp"
#include "report_html.hpp"
#include "server_test_support.hpp"
#include "upstander/content_library.hpp"

using namespace upstander;
using namespace upstander::dashboard;

namespace {

Cell count(const char* id, std::int64_t n) {
  return {n, Shown::Count, id, id, ""};
}
Cell fewer(const char* id) {
  return {std::nullopt, Shown::FewerThanK, id, id, ""};
}
Cell hidden(const char* id) {
  return {std::nullopt, Shown::Hidden, id, id, ""};
}

}  // namespace

TEST_CASE("the norm line names a choice only when the published numbers prove it") {
  SUBCASE("a visible majority") {
    const Row r{count("total", 20), {count("refuse", 14), fewer("forward"), hidden("laugh")}};
    const auto line = norm_line(r, 5);
    REQUIRE(line);
    CHECK(line->kind == NormKind::Most);
    CHECK(line->choice_id == "refuse");
    CHECK(line->count == 14);
    CHECK(line->total == 20);
  }
  SUBCASE("the largest cell without a majority, when no hidden cell could beat it") {
    const Row r{count("total", 21), {count("a", 9), count("b", 8), fewer("c")}};
    const auto line = norm_line(r, 5);
    REQUIRE(line);
    CHECK(line->kind == NormKind::MostOften);
    CHECK(line->choice_id == "a");
  }
  SUBCASE("a hidden cell might be larger: no claim") {
    const Row r{count("total", 30), {count("a", 10), hidden("b"), hidden("c")}};
    CHECK_FALSE(norm_line(r, 5));
  }
  SUBCASE("a total below k, or no visible cell: no claim") {
    CHECK_FALSE(norm_line(Row{fewer("total"), {fewer("a"), fewer("b")}}, 5));
    CHECK_FALSE(norm_line(Row{count("total", 9), {hidden("a"), hidden("b")}}, 5));
  }
  SUBCASE("a tie: no claim") {
    CHECK_FALSE(norm_line(Row{count("total", 20), {count("a", 10), count("b", 10)}}, 5));
  }
}

TEST_CASE("the teacher guide gives questions for every decision point, in both languages") {
  const ContentLibrary lib = ContentLibrary::load({test::source_path("content")});
  for (const char* lang : {"ko", "en"}) {
    const DiscussionGuide g = DiscussionGuide::load(guide_path(test::source_path("content"), lang));
    CAPTURE(lang);
    REQUIRE(g.size() > 10);
    const GuidePoint* first = g.find("group-chat", "first-move");
    REQUIRE(first);
    CHECK(first->questions.size() >= 3);
    CHECK(first->heading.find('`') == std::string::npos);
    // A heading that tags two decision points answers for both.
    CHECK(g.find("the-friend", "doubt-note") == g.find("the-friend", "retry"));
    for (const Scenario* s : lib.scenarios()) {
      if (s->id == "feature-tour") continue;  // the tour is not a classroom scenario
      for (const auto& n : s->nodes) {
        if (!n.is_decision()) continue;
        CAPTURE(s->id + "/" + n.id);
        const GuidePoint* p = g.find(s->id, n.id);
        CHECK(p != nullptr);
        if (p) CHECK_FALSE(p->questions.empty());
      }
    }
  }
}

TEST_CASE("the guide reader joins wrapped questions and drops markdown marks") {
  const DiscussionGuide g = DiscussionGuide::parse(
      "## A (`a`)\n\n### First **move** (`a/one`)\nChoices: x, y.\n- Why does `it`\n  matter?\n- "
      "Second\n\nprose\n"
      "### Untagged\n- ignored\n");
  REQUIRE(g.size() == 1);
  const GuidePoint* p = g.find("a", "one");
  REQUIRE(p);
  CHECK(p->heading == "First move");
  REQUIRE(p->questions.size() == 2);
  CHECK(p->questions[0] == "Why does it matter?");
  CHECK(g.find("a", "two") == nullptr);
}

TEST_CASE("a suppressed cell is written as words, never as a number") {
  const ContentLibrary lib = ContentLibrary::load({test::source_path("content/locale")});
  const DashboardText en(lib, "en");
  CHECK(cell_words(count("a", 12), 5, en) == "12");
  CHECK(cell_words(fewer("a"), 5, en) == "fewer than 5");
  CHECK(cell_words(hidden("a"), 5, en) == "hidden");
  const DashboardText ko(lib, "ko");
  CHECK(cell_words(fewer("a"), 7, ko) == "7명 미만");
  CHECK(mean_words({fewer("n"), std::nullopt}, 5, en) == "fewer than 5");
  CHECK(shift_words(0.92) == "+0.9");
  CHECK(shift_words(-0.04) == "+0.0");
  CHECK(en.missing().empty());
  CHECK(ko.missing().empty());
}

TEST_CASE("server addresses") {
  auto u = parse_server_url("http://10.0.0.5:8081/");
  REQUIRE(u);
  CHECK(u->host == "10.0.0.5");
  CHECK(u->port == 8081);
  CHECK(parse_server_url("school-pc")->port == 8080);
  CHECK(parse_server_url("[fe80::1]:9000")->text() == "[fe80::1]:9000");
  CHECK_FALSE(parse_server_url("https://x:1"));
  CHECK_FALSE(parse_server_url("host:99999"));
  CHECK_FALSE(parse_server_url("host/path"));
}

TEST_CASE("an answer is a 2xx body, else the error body's code, message and details") {
  const ApiResult answer = make_result(201, R"({"id": "s1"})");
  REQUIRE(answer.ok());
  CHECK(answer->status == 201);
  CHECK(answer->body["id"] == "s1");
  CHECK(answer->raw == R"({"id": "s1"})");
  CHECK(make_result(200, "a,b\n1,2")->body.is_null());  // a CSV export: raw text only

  const ApiResult refused = make_result(
      422, R"({"error": {"code": "invalid_pack", "message": "no", "details": {"n": 2}}})");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().status == 422);
  CHECK(refused.error().code == "invalid_pack");
  CHECK(refused.error().message == "no");
  CHECK(refused.error().details == nlohmann::json{{"n", 2}});

  const ApiResult slowed = make_result(429, "busy", 30);
  REQUIRE_FALSE(slowed.ok());
  CHECK(slowed.error().code == "http_429");  // not an error body: the status stands in
  CHECK(slowed.error().retry_after == 30);
  CHECK(slowed.error().details.is_null());

  const ApiResult unreached = make_result(0, "");
  REQUIRE_FALSE(unreached.ok());
  CHECK(unreached.error().code == "unreachable");
  CHECK(status_of(unreached) == 0);
  CHECK(status_of(answer) == 201);
}

TEST_CASE("the lobby's QR opens the web game at a LAN address with the code filled in") {
  CHECK(join_url("192.168.0.12:8080", "9H5DBF") == "http://192.168.0.12:8080/?code=9H5DBF");
  CHECK(join_page("192.168.0.12:8080") == "http://192.168.0.12:8080/");
  // Every LAN address, private ones first; never loopback or 0.0.0.0.
  const std::vector<std::string> local = {"203.0.113.7", "127.0.0.1", "10.1.2.3", "192.168.0.12"};
  CHECK(reachable_addresses("0.0.0.0", local) ==
        std::vector<std::string>{"10.1.2.3", "192.168.0.12", "203.0.113.7"});
  CHECK(reachable_addresses("::", local).size() == 3);
  CHECK(reachable_addresses("192.168.0.12", local) == std::vector<std::string>{"192.168.0.12"});
  // A server on loopback only: nobody else can reach it, and the lobby says so.
  CHECK(reachable_addresses("127.0.0.1", local).empty());
  CHECK(is_loopback("127.0.0.1:8080"));
  CHECK(is_loopback("localhost"));
  CHECK(is_loopback("[::1]:8080"));
  CHECK_FALSE(is_loopback("192.168.0.12:8080"));
  for (const auto& a : local_addresses()) {
    CHECK_FALSE(is_loopback(a));
    CHECK(a != "0.0.0.0");
  }
}

TEST_CASE("students are told a LAN address, else the computer's name, never loopback") {
  const std::vector<std::string> two = {"192.168.0.12", "10.1.2.3"};
  JoinHosts h = join_hosts("0.0.0.0", two, "school-pc");
  CHECK(h.hosts.size() == 2);
  CHECK_FALSE(h.by_name);
  // No LAN address yet: the name, said to be a name.
  h = join_hosts("0.0.0.0", {}, "school-pc");
  CHECK(h.hosts == std::vector<std::string>{"school-pc"});
  CHECK(h.by_name);
  CHECK(join_hosts("0.0.0.0", {"127.0.0.1", "0.0.0.0"}, "school-pc").by_name);
  CHECK(join_hosts("0.0.0.0", {}, "").hosts.empty());
  CHECK(join_hosts("127.0.0.1", {}, "school-pc").hosts.empty());
  CHECK(join_hosts("192.168.0.12", two, "school-pc").hosts ==
        std::vector<std::string>{"192.168.0.12"});
  CHECK(local_host_name() != "localhost");
}

TEST_CASE("with several LAN addresses the teacher picks the one the lobby shows") {
  test::TempDir dir;
  test::TestServer srv(dir.path());
  ApiClient api({"127.0.0.1", srv.port()}, srv.token());
  const ContentLibrary lib = ContentLibrary::load({test::source_path("content/locale")});
  DashboardConfig config;
  config.settings_path = dir.path() + "/dashboard.json";
  config.join_hosts = {"192.168.0.12", "10.1.2.3"};
  DashboardSettings settings;
  settings.language = "en";
  Dashboard d(api, lib, settings, config);
  CHECK(d.join_host_port() == "192.168.0.12:" + std::to_string(srv.port()));
  d.choose_join_host(1);
  CHECK(d.join_host_choice() == 1);
  CHECK(d.join_host_port() == "10.1.2.3:" + std::to_string(srv.port()));
  d.choose_join_host(7);  // not a choice: unchanged
  CHECK(d.join_host_port() == "10.1.2.3:" + std::to_string(srv.port()));
}

TEST_CASE("the QR grid has the three finder patterns of a QR code") {
  const QrMatrix qr = make_qr(join_url("192.168.0.12:8080", "9H5DBF"));
  REQUIRE(qr.size >= 21);
  CHECK((qr.size - 17) % 4 == 0);  // versions are 21, 25, 29, ... modules
  for (auto [ox, oy] : {std::pair{0, 0}, std::pair{qr.size - 7, 0}, std::pair{0, qr.size - 7}}) {
    for (int i = 0; i < 7; ++i) {
      CHECK(qr.at(ox + i, oy));  // the 7x7 ring
      CHECK(qr.at(ox + i, oy + 6));
      CHECK(qr.at(ox, oy + i));
      CHECK(qr.at(ox + 6, oy + i));
    }
    CHECK_FALSE(qr.at(ox + 1, oy + 1));  // the light ring inside
    CHECK(qr.at(ox + 3, oy + 3));        // the dark centre
  }
  CHECK(make_qr("a").size < qr.size);
}

TEST_CASE("dashboard settings survive a restart, and a broken file gives the defaults") {
  test::TempDir dir;
  const std::string path = dir.path() + "/sub/dashboard.json";
  DashboardSettings s = load_dashboard_settings(path, "en_US.UTF-8");
  CHECK(s.language == "en");
  s.high_contrast = true;
  s.export_dir = "/tmp/x";
  REQUIRE(save_dashboard_settings(path, s));
  const DashboardSettings back = load_dashboard_settings(path, "ko_KR.UTF-8");
  CHECK(back.language == "en");
  CHECK(back.high_contrast);
  CHECK(back.export_dir == "/tmp/x");
  std::ofstream(path) << "{\"language\": 3, \"large_text\": \"yes\"}";
  CHECK(load_dashboard_settings(path, "ko_KR").language == "ko");
}

TEST_CASE("html_escape") {
  CHECK(html_escape("<a href=\"x\">'&'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST_CASE(
    "endings name their outcome, a targeted player's as supported, and skipped runs stand apart") {
  const ContentLibrary lib = ContentLibrary::load({test::source_path("content/locale")});
  const nlohmann::json j = nlohmann::json::parse(R"({
    "session": {"id": "s1", "state": "open", "language": "en", "k": 5},
    "k": 5,
    "stages": {"total": {"count": 12, "shown": "count"}, "cells": []},
    "funnel": [],
    "scenarios": [{
      "id": "the-message", "title": "The message", "player_targeted": true,
      "progress": {"total": {"count": 12, "shown": "count"}, "cells": []},
      "decisions": [],
      "endings": {"total": {"count": 12, "shown": "count"},
                  "cells": [{"id": "end-not-alone", "outcome": "supported", "title": "Not alone", "count": 6, "shown": "count"},
                            {"id": "end-alone", "outcome": "not_yet_supported", "title": "Alone", "count": null, "shown": "hidden"}],
                  "skipped": {"count": null, "shown": "fewer_than_k"}},
      "reflections": []}],
    "survey": {"items": []}})");
  const auto s = parse_summary(j);
  REQUIRE(s);
  const ScenarioResults& sc = s->scenarios.at(0);
  CHECK(sc.player_targeted);
  REQUIRE(sc.skipped);
  CHECK(sc.skipped->shown == Shown::FewerThanK);
  CHECK_FALSE(sc.skipped->count);
  REQUIRE(sc.endings.cells.size() == 2);
  for (const char* lang : {"en", "ko"}) {
    const DashboardText t(lib, lang);
    const Row named = endings_with_outcomes(sc.endings, t);
    CHECK(named.cells[0].text == "Not alone (" + t("teacher.outcome.supported") + ")");
    CHECK(named.cells[1].text == "Alone (" + t("teacher.outcome.not_yet_supported") + ")");
    const std::string html = report_html(*s, t, DiscussionGuide::parse(""));
    CHECK(html.find(
              html_escape(t("teacher.live.skipped", {{"count", cell_words(*sc.skipped, 5, t)}}))) !=
          std::string::npos);
    CHECK(html.find("(" + t("teacher.outcome.harm") + ")") == std::string::npos);
    CHECK(t.missing().empty());
  }
  const DashboardText en(lib, "en");
  CHECK(en("teacher.live.skipped", {{"count", cell_words(*sc.skipped, 5, en)}}) ==
        "Skipped to the support route: fewer than 5 (not counted in any ending)");
}

TEST_CASE("a skipped reflection question is read and reported apart from the answers") {
  const ContentLibrary lib = ContentLibrary::load({test::source_path("content/locale")});
  const nlohmann::json j = nlohmann::json::parse(R"({
    "session": {"id": "s1", "state": "ended", "language": "ko", "k": 5, "name": "2학년 3반"},
    "k": 5,
    "stages": {"total": {"count": 12, "shown": "count"}, "cells": []},
    "funnel": [],
    "scenarios": [{
      "id": "feature-tour", "title": "Tour",
      "progress": {"total": {"count": 12, "shown": "count"}, "cells": []},
      "decisions": [],
      "endings": {"total": {"count": 12, "shown": "count"}, "cells": []},
      "reflections": [
        {"node": "what-helps", "question": "Q1", "kind": "options",
         "total": {"count": 12, "shown": "count"},
         "cells": [{"id": "adult", "text": "An adult", "count": 6, "shown": "count"}],
         "skipped": {"count": 6, "shown": "count"}},
        {"node": "how-sure", "question": "Q2", "kind": "scale",
         "n": {"count": 12, "shown": "count"}, "mean": 3.5}]}],
    "survey": {"items": []}})");
  const auto s = parse_summary(j);
  REQUIRE(s);
  CHECK(s->session.name == "2학년 3반");
  const auto& refl = s->scenarios.at(0).reflections;
  REQUIRE(refl.size() == 2);
  REQUIRE(refl[0].skipped);
  CHECK(refl[0].skipped->count == 6);
  CHECK_FALSE(refl[1].skipped);  // an older server sends none
  const DashboardText ko(lib, "ko");
  const std::string html = report_html(*s, ko, DiscussionGuide::parse(""));
  CHECK(html.find("답하지 않고 넘어간 학생: 6") != std::string::npos);
  CHECK(html.find("2학년 3반") != std::string::npos);
  CHECK(ko.missing().empty());
}
