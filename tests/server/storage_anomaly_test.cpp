// The database locked by someone else, full, or damaged: clear answers, no crash, and
// recovery when the problem goes away.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "file_access.hpp"
#include "server_test_support.hpp"

using namespace upstander;
using namespace upstander::test;

namespace {
const std::string kEvent =
    R"({"events":[{"id":"%ID%","ord":1,"type":"scenario_started","scenario":"feature-tour"}]})";
std::string event_with_id(const std::string& id) {
  std::string s = kEvent;
  s.replace(s.find("%ID%"), 4, id);
  return s;
}
}  // namespace

TEST_CASE("a database locked by another program answers 503 busy, then recovers") {
  TempDir dir;
  TestClock clock;
  server::ServerOptions o = test_options(dir.path(), clock);
  o.limits.busy_timeout_ms = 100;
  TestServer srv(o);
  const auto session = srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}});
  SimStudent s(srv.port(), 1);
  REQUIRE(s.join(session["code"]) == 200);

  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open((dir.path() + "/classroom.sqlite").c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  const HttpResult busy =
      srv.http().post("/api/v1/student/events", event_with_id("10c4000000000001"), s.token());
  CHECK(busy.status == 503);
  CHECK(busy.error_code() == "busy");
  CHECK(busy.header("Retry-After") == "1");
  CHECK(srv.http().get("/api/v1/health").status == 200);
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  const HttpResult ok =
      srv.http().post("/api/v1/student/events", event_with_id("10c4000000000001"), s.token());
  CHECK(ok.status == 200);
  CHECK(ok.json()["stored"] == 1);  // the refused attempt stored nothing
}

TEST_CASE("a full database answers 507 and keeps serving reads") {
  TempDir dir;
  TestClock clock;
  server::ServerOptions o = test_options(dir.path(), clock);
  o.limits.max_database_bytes = 512 * 1024;  // as if the disk were full
  TestServer srv(o);
  const auto session =
      srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}, {"k", 3}});
  SimStudent s(srv.port(), 1);
  REQUIRE(s.join(session["code"]) == 200);
  HttpResult r;
  for (int attempt = 0; attempt < 100 && r.status != 507; ++attempt) {
    std::string big = "{\"events\":[";
    for (int i = 0; i < 400; ++i) {
      big += (i ? "," : "") + std::string("{\"id\":\"") +
             hex_id(static_cast<std::uint64_t>(attempt) * 1000 + static_cast<std::uint64_t>(i)) +
             "\",\"ord\":" + std::to_string(i) +
             ",\"type\":\"node_entered\",\"scenario\":\"feature-tour\",\"node\":\"story\"}";
    }
    big += "]}";
    r = srv.http().post("/api/v1/student/events", big, s.token());
    REQUIRE((r.status == 200 || r.status == 507));
  }
  CHECK(r.status == 507);
  CHECK(r.error_code() == "storage_full");
  CHECK(srv.http()
            .get("/api/v1/teacher/sessions/" + session["id"].get<std::string>() + "/summary",
                 srv.token())
            .status == 200);
  CHECK(srv.http().get("/api/v1/health").status == 200);
}

TEST_CASE("a damaged database file stops the start with a clear error") {
  TempDir dir;
  {
    TestServer srv(dir.path());
    const auto session = srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}});
    SimStudent s(srv.port(), 1);
    REQUIRE(s.join(session["code"]) == 200);
    s.play(tour_scenario());
  }
  SUBCASE("not a database at all") {
    std::ofstream(dir.path() + "/classroom.sqlite", std::ios::binary | std::ios::trunc)
        << std::string(8192, 'Z');
    std::remove((dir.path() + "/classroom.sqlite-wal").c_str());
    std::remove((dir.path() + "/classroom.sqlite-shm").c_str());
  }
  SUBCASE("damaged pages") {
    // Garbage over the header of every page after the first: b-tree pages no longer parse.
    const auto size = std::filesystem::file_size(dir.path() + "/classroom.sqlite");
    REQUIRE(size > 3 * 4096);
    std::fstream f(dir.path() + "/classroom.sqlite",
                   std::ios::binary | std::ios::in | std::ios::out);
    const std::string junk(16, '\x5a');
    for (std::uintmax_t page = 1; page * 4096 < size; ++page) {
      f.seekp(static_cast<std::streamoff>(page * 4096));
      f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
  }
  server::ClassroomServer srv;
  const server::StartResult r = srv.start(test_options(dir.path(), TestClock{}));
  CHECK_FALSE(r.ok());
  CHECK(r.error == server::StartError::CorruptDatabase);
  CHECK(r.message.find("damaged") != std::string::npos);
}

TEST_CASE("a database from a newer version is refused, not rewritten") {
  TempDir dir;
  { TestServer srv(dir.path()); }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((dir.path() + "/classroom.sqlite").c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  server::ClassroomServer srv;
  const server::StartResult r = srv.start(test_options(dir.path(), TestClock{}));
  CHECK(r.error == server::StartError::Database);
  CHECK(r.message.find("newer") != std::string::npos);
}

TEST_CASE("the teacher token is created owner-only and kept across restarts" *
          doctest::skip(access_lists_are_emulated())) {
  TempDir dir;
  std::string first;
  {
    TestServer srv(dir.path());
    first = srv.token();
    CHECK(first.size() == 64);
  }
  const std::string token = dir.path() + "/teacher-token";
  CHECK(private_to_owner(token));
  CHECK(private_to_owner(dir.path()));
  CHECK(private_to_owner(dir.path() + "/classroom.sqlite"));
  open_to_everyone(token);
  CHECK_FALSE(private_to_owner(token));
  TestServer again(dir.path());
  CHECK(again.token() == first);
  CHECK(private_to_owner(token));
}
