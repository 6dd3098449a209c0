// Every bad input the issue lists gets the right status and a JSON error, and the server
// stays up after each one.
#include <doctest/doctest.h>

#include "interface_addresses.hpp"
#include "server_test_support.hpp"

using namespace upstander;
using namespace upstander::test;

namespace {

struct Fixture {
  TempDir dir;
  TestServer srv{dir.path()};
  Http http = srv.http();
  nlohmann::json session;
  std::string student;

  Fixture() {
    session =
        srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}, {"survey", true}});
    SimStudent s(srv.port(), 1);
    REQUIRE(s.join(session["code"]) == 200);
    student = s.token();
  }

  std::string sid() const { return session["id"]; }

  HttpResult events(const std::string& list, const std::string& token) const {
    return http.post("/api/v1/student/events", "{\"events\":[" + list + "]}", token);
  }

  // The answer is a JSON error with this status and code, and the server still answers.
  void expect(const HttpResult& r, int status, const std::string& code) const {
    INFO(r.body);
    CHECK(r.status == status);
    CHECK(r.error_code() == code);
    CHECK(r.json()["error"]["message"].is_string());
    CHECK(http.get("/api/v1/health").status == 200);
  }
};

}  // namespace

TEST_CASE("malformed bodies") {
  Fixture f;
  f.expect(f.http.post("/api/v1/join", "{\"code\": "), 400, "malformed_json");
  f.expect(f.http.post("/api/v1/join", "[1,2]"), 400, "wrong_type");
  f.expect(f.http.post("/api/v1/join", "{\"code\": 123456}"), 400, "wrong_type");
  f.expect(f.http.post("/api/v1/join", "{\"code\": \"ABCDEF\", \"name\": \"Minsu\"}"), 400,
           "unknown_field");
  f.expect(f.http.post("/api/v1/join", "{\"code\": \"\xff\xfe\"}"), 400, "invalid_utf8");
  f.expect(f.http.post("/api/v1/join", "{\"code\": \"A\", \"code\": \"B\"}"), 400, "duplicate_key");
  f.expect(f.http.post("/api/v1/join", "{}"), 400, "missing_field");
  f.expect(f.http.post("/api/v1/join", std::string(40, '[') + std::string(40, ']')), 400,
           "too_deep");
  f.expect(f.http.post("/api/v1/join", "code=ABCDEF", "", "application/x-www-form-urlencoded"), 415,
           "unsupported_media_type");
  f.expect(f.events("{\"id\": \"0a0a0a0a0a0a0a0a\", \"ord\": 1.5, \"type\": \"scenario_started\", "
                    "\"scenario\": "
                    "\"feature-tour\"}",
                    f.student),
           400, "wrong_type");
  f.expect(f.events("{\"id\": \"0a0a0a0a0a0a0a0a\", \"ord\": 1, \"type\": \"scenario_started\", "
                    "\"scenario\": "
                    "\"feature-tour\", \"name\": \"x\"}",
                    f.student),
           400, "unknown_field");
  f.expect(f.http.post("/api/v1/student/events", "{\"events\": {}}", f.student), 400, "wrong_type");
}

TEST_CASE("oversized bodies are refused with 413 before they are read") {
  Fixture f;
  const std::string big = "{\"events\":[" + std::string(300 * 1024, ' ') + "]}";
  f.expect(f.http.post("/api/v1/student/events", big, f.student), 413, "body_too_large");
  f.expect(f.http.post("/api/v1/join", "{\"code\":\"" + std::string(2000, 'A') + "\"}"), 413,
           "body_too_large");
  // A huge Content-Length is answered at once; the server does not wait for the body.
  const std::string reply =
      raw_exchange(f.srv.port(),
                   "POST /api/v1/student/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                   "Content-Type: application/json\r\nContent-Length: 999999999\r\n\r\n{",
                   3000);
  CHECK(reply.rfind("HTTP/1.1 413", 0) == 0);
  CHECK(f.http.get("/api/v1/health").status == 200);
  std::string many = "{\"events\":[";
  for (int i = 0; i < 501; ++i) {
    many += (i ? "," : "") + std::string("{\"id\":\"") + hex_id(static_cast<std::uint64_t>(i)) +
            "\",\"ord\":1,\"type\":\"scenario_started\",\"scenario\":\"feature-tour\"}";
  }
  many += "]}";
  f.expect(f.http.post("/api/v1/student/events", many, f.student), 413, "too_many_events");
}

TEST_CASE("join codes that do not open a session") {
  Fixture f;
  f.expect(f.http.post("/api/v1/join", "{\"code\": \"ZZZZZZ\"}"), 404, "unknown_code");
  f.expect(f.http.post("/api/v1/join", "{\"code\": \"O0I1L!\"}"), 404, "unknown_code");
  REQUIRE(f.http.post("/api/v1/teacher/sessions/" + f.sid() + "/lock", "", f.srv.token()).status ==
          200);
  f.expect(f.http.post("/api/v1/join", nlohmann::json{{"code", f.session["code"]}}.dump()), 403,
           "lobby_locked");
  REQUIRE(f.http.post("/api/v1/teacher/sessions/" + f.sid() + "/end", "", f.srv.token()).status ==
          200);
  f.expect(f.http.post("/api/v1/join", nlohmann::json{{"code", f.session["code"]}}.dump()), 404,
           "unknown_code");
  f.expect(f.events("{\"id\": \"0a0a0a0a0a0a0a0a\", \"ord\": 1, \"type\": \"scenario_started\", "
                    "\"scenario\": "
                    "\"feature-tour\"}",
                    f.student),
           410, "session_ended");
}

TEST_CASE("a full session turns students away") {
  Fixture f;
  const auto small = f.srv.create_session(
      {{"scenarios", {"feature-tour"}}, {"language", "en"}, {"max_players", 2}});
  CHECK(SimStudent(f.srv.port(), 1).join(small["code"]) == 200);
  CHECK(SimStudent(f.srv.port(), 2).join(small["code"]) == 200);
  f.expect(f.http.post("/api/v1/join", nlohmann::json{{"code", small["code"]}}.dump()), 409,
           "session_full");
}

TEST_CASE("tokens: missing, wrong, and a student's on a teacher endpoint") {
  Fixture f;
  const std::string teacher = "/api/v1/teacher/sessions";
  f.expect(f.http.get(teacher), 401, "missing_token");
  f.expect(f.http.get(teacher, std::string(64, 'a')), 401, "invalid_token");
  f.expect(f.http.get(teacher, f.student), 403, "not_teacher");
  f.expect(f.http.get(teacher + "/" + f.sid() + "/summary", f.student), 403, "not_teacher");
  f.expect(
      f.http.post(teacher, "{\"scenarios\":[\"feature-tour\"],\"language\":\"en\"}", f.student),
      403, "not_teacher");
  f.expect(f.events("{\"id\":\"86f7e437faa5a7fc\",\"ord\":1,\"type\":\"scenario_started\","
                    "\"scenario\":\"feature-tour\"}",
                    ""),
           401, "missing_token");
  f.expect(f.events("{\"id\":\"86f7e437faa5a7fc\",\"ord\":1,\"type\":\"scenario_started\","
                    "\"scenario\":\"feature-tour\"}",
                    "nope"),
           401, "invalid_token");
  // The teacher token is no player: it cannot post events.
  f.expect(f.events("{\"id\":\"86f7e437faa5a7fc\",\"ord\":1,\"type\":\"scenario_started\","
                    "\"scenario\":\"feature-tour\"}",
                    f.srv.token()),
           401, "invalid_token");
  const HttpResult r = f.http.get(teacher, "", {{"Authorization", "Basic dGVhY2hlcjp4"}});
  f.expect(r, 401, "missing_token");
}

TEST_CASE("events that do not fit the session's content") {
  Fixture f;
  auto ev = [](const std::string& fields) {
    return "{\"id\":\"84896d3e06788462\",\"ord\":1," + fields + "}";
  };
  f.expect(
      f.events(
          ev(R"("type":"choice_made","scenario":"feature-tour","node":"ask-share","choice":"forward")"),
          f.student),
      422, "choice_not_on_node");
  f.expect(
      f.events(
          ev(R"("type":"choice_made","scenario":"feature-tour","node":"no-such-node","choice":"x")"),
          f.student),
      422, "unknown_node");
  f.expect(f.events(ev(R"("type":"scenario_started","scenario":"other-scenario")"), f.student), 422,
           "unknown_scenario");
  f.expect(f.events(ev(R"("type":"ending_reached","scenario":"feature-tour","node":"ask-share")"),
                    f.student),
           422, "not_an_ending");
  f.expect(
      f.events(
          ev(R"("type":"reflection_answered","scenario":"feature-tour","node":"what-helps","option":"nope")"),
          f.student),
      422, "option_not_on_node");
  f.expect(
      f.events(
          ev(R"("type":"reflection_answered","scenario":"feature-tour","node":"ask-share","value":3)"),
          f.student),
      422, "not_a_reflection");
  f.expect(f.events(ev(R"("type":"survey_answered","item":"fake-harm","form":"A","value":7)"),
                    f.student),
           422, "out_of_range");
  f.expect(f.events(ev(R"("type":"survey_answered","item":"fake-harm","form":"C","value":3)"),
                    f.student),
           422, "bad_value");
  f.expect(
      f.events(ev(R"("type":"survey_answered","item":"no-item","form":"A","value":3)"), f.student),
      422, "unknown_item");
  f.expect(f.events(ev(R"("type":"teleported","scenario":"feature-tour")"), f.student), 422,
           "unknown_event_type");
  f.expect(
      f.events(R"({"id":"bad id!","ord":1,"type":"scenario_started","scenario":"feature-tour"})",
               f.student),
      422, "bad_value");
  f.expect(
      f.events(
          R"({"id":"84896d3e06788462","ord":-1,"type":"scenario_started","scenario":"feature-tour"})",
          f.student),
      422, "out_of_range");
  // The bad event is named, so the client can drop exactly that one.
  const HttpResult r = f.events(
      ev(R"("type":"scenario_started","scenario":"feature-tour")") + "," +
          R"({"id":"dc1885915a8902bc","ord":2,"type":"choice_made","scenario":"feature-tour","node":"ask-share","choice":"laugh"})",
      f.student);
  CHECK(r.json()["error"]["details"]["pointer"] == "/events/1/choice");
  // One bad event rejects the whole batch: the good one was not stored either.
  const HttpResult again =
      f.events(ev(R"("type":"scenario_started","scenario":"feature-tour")"), f.student);
  CHECK(again.json()["stored"] == 1);
}

TEST_CASE("a replayed batch stores nothing twice") {
  Fixture f;
  const std::string batch =
      R"({"id":"5573e39b6600496d","ord":1,"type":"scenario_started","scenario":"feature-tour"},)"
      R"({"id":"a50126cc2d6c726d","ord":2,"type":"choice_made","scenario":"feature-tour","node":"ask-share","choice":"say-yes"})";
  const HttpResult first = f.events(batch, f.student);
  REQUIRE(first.status == 200);
  CHECK(first.json()["stored"] == 2);
  const HttpResult second = f.events(batch, f.student);
  REQUIRE(second.status == 200);
  CHECK(second.json()["stored"] == 0);
  CHECK(second.json()["duplicates"] == 2);
  CHECK(second.json()["acknowledged"] == nlohmann::json{"5573e39b6600496d", "a50126cc2d6c726d"});
  // A duplicate inside one batch is stored once as well.
  const HttpResult inner = f.events(
      R"({"id":"aa893358be4b506d","ord":3,"type":"node_entered","scenario":"feature-tour","node":"story"},)"
      R"({"id":"aa893358be4b506d","ord":3,"type":"node_entered","scenario":"feature-tour","node":"story"})",
      f.student);
  CHECK(inner.json()["stored"] == 1);
  CHECK(inner.json()["duplicates"] == 1);
}

TEST_CASE("session requests out of range") {
  Fixture f;
  const std::string path = "/api/v1/teacher/sessions";
  const std::string t = f.srv.token();
  f.expect(f.http.post(path, R"({"scenarios":["feature-tour"],"language":"en","k":2})", t), 422,
           "out_of_range");
  f.expect(f.http.post(path, R"({"scenarios":["nope"],"language":"en"})", t), 422,
           "unknown_scenario");
  f.expect(f.http.post(path, R"({"scenarios":["feature-tour"],"language":"fr"})", t), 422,
           "unsupported_language");
  f.expect(f.http.post(path, R"({"scenarios":[],"language":"en"})", t), 422, "bad_value");
  f.expect(f.http.post(path, R"({"scenarios":["feature-tour","feature-tour"],"language":"en"})", t),
           422, "bad_value");
  f.expect(
      f.http.post(path, R"({"scenarios":["feature-tour"],"language":"en","max_players":0})", t),
      422, "out_of_range");
  f.expect(f.http.put("/api/v1/teacher/settings", R"({"retention_days":31})", t), 422,
           "out_of_range");
  f.expect(f.http.put("/api/v1/teacher/settings", R"({"default_k":1})", t), 422, "out_of_range");
  f.expect(f.http.get(path + "/0123456789abcdef", t), 404, "unknown_session");
  f.expect(f.http.post(path + "/" + f.sid() + "/lock", R"({"force":true})", t), 400,
           "unknown_field");
}

TEST_CASE("paths, methods, hosts and origins") {
  Fixture f;
  f.expect(f.http.get("/api/v1/nothing"), 404, "not_found");
  f.expect(f.http.get("/api/v2/nothing"), 404, "not_found");
  // Outside /api/ is the web game's (web_bundle_test.cpp); without a bundle the page says so.
  CHECK(f.http.get("/index.html").status == 503);
  CHECK(f.http.get("/nothing.txt").status == 404);
  f.expect(f.http.get("/api/v1/join"), 405, "method_not_allowed");
  f.expect(f.http.request("OPTIONS", "/api/v1/join", "", "", "", {}), 405, "method_not_allowed");
  // DNS rebinding: a page on evil.example that resolves to this machine.
  f.expect(f.http.get("/api/v1/health", "", {{"Host", "evil.example:8080"}}), 403, "bad_host");
  f.expect(f.http.post("/api/v1/join", R"({"code":"ABCDEF"})", "", "application/json",
                       {{"Origin", "http://evil.example"}}),
           403, "bad_origin");
  const HttpResult ok = f.http.get("/api/v1/health", "", {{"Host", "localhost:1234"}});
  CHECK(ok.status == 200);
  CHECK(ok.header("Access-Control-Allow-Origin").empty());
  CHECK(ok.header("Cache-Control") == "no-store");
}

TEST_CASE("requests per address are limited with 429 and Retry-After") {
  TempDir dir;
  TestClock clock;
  server::ServerOptions o = test_options(dir.path(), clock);
  o.limits.address_rate = 1;
  o.limits.address_burst = 5;
  TestServer srv(o);
  int limited = 0;
  std::string retry;
  for (int i = 0; i < 10; ++i) {
    const HttpResult r = srv.http().get("/api/v1/health");
    if (r.status == 429) {
      ++limited;
      retry = r.header("Retry-After");
      CHECK(r.error_code() == "rate_limited");
    }
  }
  CHECK(limited >= 4);
  CHECK(!retry.empty());
  // The teacher's own dashboard on this machine is not held back by what used up the
  // address's budget (students, or a demo class, on the same loopback address).
  CHECK(srv.http().get("/api/v1/teacher/sessions", srv.token()).status == 200);
  CHECK(srv.http().get("/api/v1/health").status == 429);
}

TEST_CASE("wrong join codes make only the guessing address wait, and say how long") {
  TempDir dir;
  TestClock clock;
  server::ServerOptions o = test_options(dir.path(), clock);
  o.limits.free_wrong_joins_per_address = 3;
  TestServer srv(o);
  const auto session = srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}});
  const std::string join = "/api/v1/join";
  const std::string wrong = R"({"code":"ZZZZZZ"})";
  const std::string right = nlohmann::json{{"code", session["code"]}}.dump();
  // Two "machines": 127.0.0.1 and 127.0.0.2 are both this computer's loopback network.
  for (int i = 0; i < 3; ++i) CHECK(raw_post(srv.port(), "127.0.0.1", join, wrong) == 404);
  int retry = 0;
  CHECK(raw_post(srv.port(), "127.0.0.1", join, right, &retry) == 429);  // this address waits
  CHECK(retry > 0);
  CHECK(raw_post(srv.port(), "127.0.0.2", join, right) == 200);  // the other one does not
  clock.advance(retry);
  CHECK(raw_post(srv.port(), "127.0.0.1", join, right) == 200);
}

namespace {
// A non-loopback IPv4 address of this machine, or "" when it has none.
std::string lan_address() {
  const auto all = dashboard::interface_addresses();
  return all.empty() ? std::string() : all.front();
}
}  // namespace

TEST_CASE("teacher requests from another machine are refused unless remote teachers are allowed") {
  const std::string lan = lan_address();
  if (lan.empty()) {
    MESSAGE("no network address besides loopback: skipped");
    return;
  }
  for (bool allow : {false, true}) {
    TempDir dir;
    TestClock clock;
    server::ServerOptions o = test_options(dir.path(), clock);
    o.bind_address = lan;  // requests to this address come from it, not from loopback
    o.allow_remote_teacher = allow;
    TestServer srv(o);
    Http remote(srv.port(), lan);
    const HttpResult r = remote.get("/api/v1/teacher/sessions", srv.token());
    if (allow) {
      CHECK(r.status == 200);
    } else {
      CHECK(r.status == 403);
      CHECK(r.error_code() == "teacher_remote_disabled");
      CHECK(remote.get("/api/v1/health").status == 200);  // students are served as usual
      // A browser there that signed in (with the link `serve` printed, or the passphrase)
      // is the teacher; one that did not is asked to sign in.
      const HttpResult link =
          remote.get("/teacher/signin?token=" + srv.server().new_signin_token());
      REQUIRE(link.status == 303);
      const std::string set = link.header("Set-Cookie");
      const std::string cookie = set.substr(0, set.find(';'));
      const HttpResult csrf = remote.get("/api/v1/teacher/csrf", "", {{"Cookie", cookie}});
      REQUIRE(csrf.status == 200);
      CHECK(remote
                .get("/api/v1/teacher/sessions", "",
                     {{"Cookie", cookie}, {"X-Upstander-CSRF", csrf.json()["csrf"]}})
                .status == 200);
      const HttpResult none = remote.get("/api/v1/teacher/sessions");
      CHECK(none.status == 401);
      CHECK(none.error_code() == "missing_token");
    }
  }
}
