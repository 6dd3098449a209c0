// Session names (issue 15 item 4): given at creation, renamed later, kept across restarts
// and the schema migration, carried in exports, checked like any other field, and never
// sent to a student.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <string>

#include "server_test_support.hpp"

namespace upstander::test {

namespace {

const std::string kSessions = "/api/v1/teacher/sessions";

HttpResult rename(const Http& http, const TestServer& srv, const std::string& id,
                  const std::string& body) {
  return http.request("PATCH", kSessions + "/" + id, body, srv.token(), "application/json", {});
}

}  // namespace

TEST_CASE(
    "a session keeps the teacher's name everywhere the teacher looks, and nowhere a student does") {
  TempDir dir;
  TestClock clock;
  std::string id, code;
  {
    TestServer srv(dir.path(), clock);
    Http http = srv.http();
    const auto s = srv.create_session({{"scenarios", {"feature-tour"}},
                                       {"language", "ko"},
                                       {"k", 3},
                                       {"name", "  늘봄 2학년 3반  "}});
    id = s["id"];
    code = s["code"];
    CHECK(s["name"] == "늘봄 2학년 3반");  // trimmed at the ends only
    CHECK(http.get(kSessions + "/" + id, srv.token()).json()["name"] == "늘봄 2학년 3반");
    CHECK(http.get(kSessions, srv.token()).json()["sessions"][0]["name"] == "늘봄 2학년 3반");

    SimStudent student(srv.port(), 3);
    REQUIRE(student.join(code) == 200);
    CHECK(student.join_answer().dump().find("늘봄") == std::string::npos);
    for (const char* path : {"/api/v1/student/session", "/api/v1/student/content"}) {
      const HttpResult r = http.get(path, student.token());
      REQUIRE(r.status == 200);
      CHECK(r.body.find("늘봄") == std::string::npos);
    }

    const HttpResult csv = http.get(kSessions + "/" + id + "/export?format=csv", srv.token());
    CHECK(csv.body.find("session,,name,,늘봄 2학년 3반,") != std::string::npos);
    const HttpResult json = http.get(kSessions + "/" + id + "/export?format=json", srv.token());
    CHECK(json.json()["session"]["name"] == "늘봄 2학년 3반");

    // Renaming works while open and after the end (it is how a teacher finds it later).
    CHECK(rename(http, srv, id, R"({"name":"2-3 동아리"})").json()["name"] == "2-3 동아리");
    REQUIRE(http.post(kSessions + "/" + id + "/end", "", srv.token()).status == 200);
    CHECK(rename(http, srv, id, R"x({"name":"2학년 3반 (월)"})x").status == 200);
  }
  TestServer again(dir.path(), clock);
  CHECK(again.http().get(kSessions + "/" + id, again.token()).json()["name"] == "2학년 3반 (월)");
}

TEST_CASE("a session without a name has an empty one, and a name can be removed") {
  TempDir dir;
  TestServer srv(dir.path());
  Http http = srv.http();
  const auto s = srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}});
  CHECK(s["name"] == "");
  const std::string id = s["id"];
  CHECK(rename(http, srv, id, R"({"name":"Year 8 Blue"})").json()["name"] == "Year 8 Blue");
  CHECK(rename(http, srv, id, R"({"name":"   "})").json()["name"] == "");
}

TEST_CASE("bad session names are refused with the field named, and change nothing") {
  TempDir dir;
  TestServer srv(dir.path());
  Http http = srv.http();
  const auto s =
      srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "ko"}, {"name", "3반"}});
  const std::string id = s["id"];
  struct Case {
    std::string body;
    int status;
    std::string code;
  };
  std::string long_name;
  for (int i = 0; i < 41; ++i) long_name += "반";
  std::string forty;
  for (int i = 0; i < 40; ++i) forty += "반";
  for (const Case& c : {
           Case{R"({"name":"a\nb"})", 422, "invalid_name"},
           Case{R"({"name":"a\tb"})", 422, "invalid_name"},
           Case{"{\"name\":\"3\xE2\x80\xAE\xEB\xB0\x98\"}", 422,
                "invalid_name"},  // U+202E reorders text
           Case{"{\"name\":\"3\xE2\x80\x8B\xEB\xB0\x98\"}", 422,
                "invalid_name"},  // a zero-width space
           Case{"{\"name\":\"" + long_name + "\"}", 422, "invalid_name"},
           Case{R"({"name":7})", 400, "wrong_type"},
           Case{R"({})", 400, "missing_field"},
           Case{R"({"name":"x","code":"y"})", 400, "unknown_field"},
       }) {
    INFO(c.body);
    const HttpResult r = rename(http, srv, id, c.body);
    CHECK(r.status == c.status);
    CHECK(r.error_code() == c.code);
    if (c.code == "invalid_name") CHECK(r.json()["error"]["details"]["pointer"] == "/name");
  }
  CHECK(http.get(kSessions + "/" + id, srv.token()).json()["name"] == "3반");
  // Forty characters is the limit, whatever their byte length.
  CHECK(rename(http, srv, id, "{\"name\":\"" + forty + "\"}").status == 200);
  // Creation checks the name the same way, before anything is stored.
  const HttpResult bad = http.post(
      kSessions, R"({"scenarios":["feature-tour"],"language":"ko","name":"a\u0007"})", srv.token());
  CHECK(bad.status == 422);
  CHECK(http.get(kSessions, srv.token()).json()["sessions"].size() == 1);
  // A student token never renames.
  SimStudent student(srv.port(), 5);
  REQUIRE(student.join(s["code"]) == 200);
  CHECK(http.request("PATCH", kSessions + "/" + id, R"({"name":"x"})", student.token(),
                     "application/json", {})
            .status == 403);
  CHECK(http.get(kSessions + "/" + id, srv.token()).json()["name"] == std::string(forty));
}

TEST_CASE("a database from before session names opens with every session unnamed") {
  TempDir dir;
  std::string id;
  {
    TestServer srv(dir.path());
    id = srv.create_session(
        {{"scenarios", {"feature-tour"}}, {"language", "ko"}, {"name", "3반"}})["id"];
  }
  // Back to schema 1 as an older Upstander left it: no name column.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((dir.path() + "/classroom.sqlite").c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "ALTER TABLE sessions DROP COLUMN name; PRAGMA user_version = 1",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  TestServer srv(dir.path());
  const auto s = srv.http().get(kSessions + "/" + id, srv.token()).json();
  CHECK(s["name"] == "");
  CHECK(s["scenarios"][0] == "feature-tour");
}

}  // namespace upstander::test
