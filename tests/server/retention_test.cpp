// Retention and "delete now" really remove the data: checked in the bytes of the database
// file and its write-ahead log, not only through the API.
#include <doctest/doctest.h>

#include "server_test_support.hpp"
#include "summary_checks.hpp"

using namespace upstander;
using namespace upstander::test;

namespace {

// Plays `n` students; returns every client event id they sent (they appear nowhere but in
// the raw events table).
std::vector<std::string> play_class(TestServer& srv, const std::string& code, int n,
                                    std::uint64_t seed,
                                    std::vector<std::string>* tokens = nullptr) {
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) {
    SimStudent s(srv.port(), seed + static_cast<std::uint64_t>(i));
    REQUIRE(s.join(code) == 200);
    s.play(tour_scenario());
    if (tokens) tokens->push_back(s.token());
    // SimStudent ids are "ev-<random>-<ord>"; the first one is enough to look for.
  }
  (void)ids;
  return ids;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("raw events are purged a set time after the session ends; the suppressed summary stays") {
  TempDir dir;
  TestClock clock;
  TestServer srv(dir.path(), clock);
  Http http = srv.http();
  const auto session =
      srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}, {"k", 3}});
  const std::string sid = session["id"];
  // A marker event id the purge must remove from the file.
  SimStudent marked(srv.port(), 1);
  REQUIRE(marked.join(session["code"]) == 200);
  const std::string marker = "7f3a9c0e5d1b2a4c6e8f0a1b2c3d4e5f";
  REQUIRE(http.post("/api/v1/student/events",
                    R"({"events":[{"id":")" + marker +
                        R"(","ord":1,"type":"scenario_started","scenario":"feature-tour"}]})",
                    marked.token())
              .status == 200);
  play_class(srv, session["code"], 5, 10);
  const auto before = http.get("/api/v1/teacher/sessions/" + sid + "/summary", srv.token()).json();
  CHECK(contains(database_bytes(dir.path()), marker));

  REQUIRE(http.post("/api/v1/teacher/sessions/" + sid + "/end", "", srv.token()).status == 200);
  clock.advance(6 * 86400);
  srv.server().purge_expired_now();
  CHECK(contains(database_bytes(dir.path()), marker));  // 6 days: still kept
  CHECK(http.get("/api/v1/teacher/sessions/" + sid, srv.token()).json()["raw_data"] == "kept");

  clock.advance(86400 + 1);
  srv.server().purge_expired_now();
  const std::string bytes = database_bytes(dir.path());
  CHECK_FALSE(contains(bytes, marker));
  CHECK_FALSE(contains(bytes, "ev-"));  // every other student's event ids too
  const auto after_session = http.get("/api/v1/teacher/sessions/" + sid, srv.token()).json();
  CHECK(after_session["raw_data"] == "purged");
  // The aggregates were kept: the summary is exactly what it was.
  const auto after = http.get("/api/v1/teacher/sessions/" + sid + "/summary", srv.token()).json();
  CHECK(after["scenarios"] == before["scenarios"]);
  CHECK(after["stages"] == before["stages"]);
  check_no_small_counts(after, 3);
  // The players are gone: their tokens no longer work.
  CHECK(http.get("/api/v1/student/content", marked.token()).status == 401);
}

TEST_CASE("the retention period is the teacher's setting, at most 30 days") {
  TempDir dir;
  TestClock clock;
  TestServer srv(dir.path(), clock);
  Http http = srv.http();
  const auto got = http.get("/api/v1/teacher/settings", srv.token()).json();
  CHECK(got["retention_days"] == 7);
  REQUIRE(http.put("/api/v1/teacher/settings", R"({"retention_days":1})", srv.token()).status ==
          200);
  const auto session = srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}});
  play_class(srv, session["code"], 2, 50);
  REQUIRE(http.post("/api/v1/teacher/sessions/" + session["id"].get<std::string>() + "/end", "",
                    srv.token())
              .status == 200);
  clock.advance(86400 + 1);
  srv.server().purge_expired_now();
  CHECK_FALSE(contains(database_bytes(dir.path()), "ev-"));
  CHECK(http.put("/api/v1/teacher/settings", R"({"retention_days":30})", srv.token()).status ==
        200);
  // The setting survives a restart.
  srv.stop();
  TestServer again(dir.path(), clock);
  CHECK(again.http().get("/api/v1/teacher/settings", again.token()).json()["retention_days"] == 30);
}

TEST_CASE("a session left open is ended after a day and then purged on schedule") {
  TempDir dir;
  TestClock clock;
  TestServer srv(dir.path(), clock);
  const auto session = srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}});
  play_class(srv, session["code"], 2, 70);
  clock.advance(24 * 3600);
  srv.server().purge_expired_now();
  const auto s =
      srv.http()
          .get("/api/v1/teacher/sessions/" + session["id"].get<std::string>(), srv.token())
          .json();
  CHECK(s["state"] == "ended");
  CHECK(s["code"].is_null());
  clock.advance(7 * 86400);
  srv.server().purge_expired_now();
  CHECK_FALSE(contains(database_bytes(dir.path()), "ev-"));
}

TEST_CASE("delete now removes the session, its events and aggregates from the file at once") {
  TempDir dir;
  TestClock clock;
  TestServer srv(dir.path(), clock);
  Http http = srv.http();
  const auto keep = srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}});
  const auto gone = srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}});
  const std::string gone_id = gone["id"];
  const std::string gone_code = gone["code"];
  SimStudent s(srv.port(), 5);
  REQUIRE(s.join(gone_code) == 200);
  const std::string marker = "de1e7e3e0e4200000000000000000042";
  REQUIRE(
      http.post(
              "/api/v1/student/events",
              R"({"events":[{"id":")" + marker +
                  R"(","ord":1,"type":"choice_made","scenario":"feature-tour","node":"ask-share","choice":"say-yes"}]})",
              s.token())
          .status == 200);
  play_class(srv, gone_code, 3, 90);
  std::string bytes = database_bytes(dir.path());
  CHECK(contains(bytes, marker));
  CHECK(contains(bytes, gone_id));

  const HttpResult del = http.del("/api/v1/teacher/sessions/" + gone_id, srv.token());
  REQUIRE(del.status == 200);
  CHECK(del.json()["log_cleared"] == true);
  bytes = database_bytes(dir.path());
  CHECK_FALSE(contains(bytes, marker));
  CHECK_FALSE(contains(bytes, gone_id));
  CHECK_FALSE(contains(bytes, gone_code));
  CHECK_FALSE(contains(bytes, "ev-"));
  CHECK(http.get("/api/v1/teacher/sessions/" + gone_id, srv.token()).status == 404);
  CHECK(http.get("/api/v1/teacher/sessions/" + keep["id"].get<std::string>(), srv.token()).status ==
        200);
  CHECK(http.get("/api/v1/student/content", s.token()).status == 401);
  CHECK(http.del("/api/v1/teacher/sessions/" + gone_id, srv.token()).status == 404);
}

TEST_CASE("the database stores no name, address or free text") {
  TempDir dir;
  TestServer srv(dir.path());
  const auto session = srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}});
  SimStudent s(srv.port(), 8);
  REQUIRE(s.join(session["code"]) == 200);
  s.play(tour_scenario());
  // A student who tries to send their name finds no field for it.
  const HttpResult r = srv.http().post(
      "/api/v1/student/events",
      R"({"events":[{"id":"40b3eab63f3f1d4f","ord":99,"type":"scenario_started","scenario":"feature-tour","note":"Kim Minsu"}]})",
      s.token());
  CHECK(r.status == 400);
  const std::string bytes = database_bytes(dir.path());
  CHECK_FALSE(contains(bytes, "Kim Minsu"));
  CHECK_FALSE(contains(bytes, "127.0.0.1"));
  CHECK_FALSE(contains(bytes, s.token()));  // only its hash
  const auto& p = s.join_answer()["pseudonym"];
  CHECK_FALSE(contains(bytes, p["animal"].get<std::string>() + " "));
}
