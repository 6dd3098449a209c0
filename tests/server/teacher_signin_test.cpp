// A teacher's browser signing in (docs/api.md, "Teacher sign-in"): the one-time link, the
// cookie with its CSRF token, the passphrase and its throttle, and the refusals every
// teacher route gives a student token or another site's page. The routes are read from
// the server's own router, so a route added later is covered without touching this file.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "file_access.hpp"
#include "passphrase_hash.hpp"
#include "server_test_support.hpp"
#include "signin_throttle.hpp"
#include "teacher_signin.hpp"

using namespace upstander;
using namespace upstander::test;
namespace fs = std::filesystem;

namespace {

using Headers = std::multimap<std::string, std::string>;

// The cookie's value from a Set-Cookie header ("" when none).
std::string cookie_from(const HttpResult& r) {
  const std::string set = r.header("Set-Cookie");
  const std::string prefix = "upstander_teacher=";
  if (set.rfind(prefix, 0) != 0) return {};
  return set.substr(prefix.size(), set.find(';') - prefix.size());
}

struct SignedIn {
  std::string cookie;
  std::string csrf;
  Headers headers() const {
    return {{"Cookie", "upstander_teacher=" + cookie}, {"X-Upstander-CSRF", csrf}};
  }
};

// Signs a browser in with a fresh link and asks for its CSRF token, as the page does.
SignedIn sign_in_with_link(TestServer& srv) {
  const HttpResult link =
      srv.http().get("/teacher/signin?token=" + srv.server().new_signin_token());
  REQUIRE(link.status == 303);
  SignedIn s;
  s.cookie = cookie_from(link);
  REQUIRE(!s.cookie.empty());
  const HttpResult csrf =
      srv.http().get("/api/v1/teacher/csrf", "", {{"Cookie", "upstander_teacher=" + s.cookie}});
  REQUIRE(csrf.status == 200);
  s.csrf = csrf.json()["csrf"];
  return s;
}

// A concrete path for a route pattern: every {} becomes `id`.
std::string path_for(const std::string& pattern, const std::string& id) {
  std::string out = pattern;
  for (std::size_t at = out.find("{}"); at != std::string::npos; at = out.find("{}"))
    out.replace(at, 2, id);
  return out;
}

bool is_teacher_path(const std::string& pattern) {
  return pattern.rfind("/api/v1/teacher/", 0) == 0 || pattern.rfind("/teacher/", 0) == 0;
}

HttpResult call(const Http& http, const server::ApiRouteInfo& r, const std::string& id,
                const std::string& token, const Headers& headers) {
  const bool body = r.method == "POST" || r.method == "PUT" || r.method == "PATCH";
  return http.request(r.method, path_for(r.pattern, id), body ? "{}" : "", token,
                      body ? "application/json" : "", headers);
}

}  // namespace

TEST_CASE("a sign-in link works once, sets a strict HttpOnly cookie and then fails") {
  TempDir dir;
  TestServer srv(dir.path());
  const std::string token = srv.server().new_signin_token();
  REQUIRE(token.size() >= 32);
  const HttpResult first = srv.http().get("/teacher/signin?token=" + token);
  CHECK(first.status == 303);
  CHECK(first.header("Location") == "/teacher/");
  const std::string set = first.header("Set-Cookie");
  CHECK(set.find("HttpOnly") != std::string::npos);
  CHECK(set.find("SameSite=Strict") != std::string::npos);
  CHECK(set.find("Path=/") != std::string::npos);
  CHECK(cookie_from(first).size() >= 64);

  const HttpResult again =
      srv.http().get("/teacher/signin?token=" + token, "", {{"Accept-Language", "en-US,en;q=0.9"}});
  CHECK(again.status == 410);
  CHECK(again.header("Content-Type").rfind("text/html", 0) == 0);
  CHECK(again.header("Set-Cookie").empty());
  CHECK(srv.http().get("/teacher/signin?token=0123456789abcdef0123456789abcdef").status == 410);
  CHECK(srv.http().get("/teacher/signin").status == 410);
  // Followed from the teacher's mail or a school page: another site's navigation is fine.
  const HttpResult from_mail =
      srv.http().get("/teacher/signin?token=" + srv.server().new_signin_token(), "",
                     {{"Sec-Fetch-Site", "cross-site"}});
  CHECK(from_mail.status == 303);
}

TEST_CASE("the failure page is in the browser's language") {
  TempDir dir;
  TestClock clock;
  server::ServerOptions o = test_options(dir.path(), clock);
  o.content_paths.push_back(source_path("content/locale"));
  TestServer srv(o);
  const HttpResult en =
      srv.http().get("/teacher/signin?token=ab", "", {{"Accept-Language", "en-GB,ko;q=0.5"}});
  const HttpResult ko =
      srv.http().get("/teacher/signin?token=ab", "", {{"Accept-Language", "ko-KR,en;q=0.5"}});
  CHECK(en.status == 410);
  CHECK(en.body.find("lang=\"en\"") != std::string::npos);
  CHECK(ko.body.find("lang=\"ko\"") != std::string::npos);
  CHECK(en.body.find("teacher.signin") == std::string::npos);  // real sentences, not keys
  CHECK(ko.body.find("teacher.signin") == std::string::npos);
  CHECK(en.body != ko.body);
  CHECK(en.body.find("/teacher/") != std::string::npos);  // where the passphrase works
}

TEST_CASE("a sign-in link expires after 15 minutes") {
  TempDir dir;
  TestClock clock;
  TestServer srv(dir.path(), clock);
  const std::string late = srv.server().new_signin_token();
  const std::string in_time = srv.server().new_signin_token();
  clock.advance(14 * 60);
  CHECK(srv.http().get("/teacher/signin?token=" + in_time).status == 303);
  clock.advance(60 + 1);
  CHECK(srv.http().get("/teacher/signin?token=" + late).status == 410);
}

TEST_CASE(
    "the cookie with its CSRF header opens teacher routes; without it, or from elsewhere, not") {
  TempDir dir;
  TestServer srv(dir.path());
  const Http http = srv.http();
  const SignedIn s = sign_in_with_link(srv);
  CHECK(s.csrf.size() >= 32);

  CHECK(http.get("/api/v1/teacher/sessions", "", s.headers()).status == 200);
  const HttpResult created =
      http.post("/api/v1/teacher/sessions", R"({"scenarios":["feature-tour"],"language":"en"})", "",
                "application/json", s.headers());
  CHECK(created.status == 201);

  const Headers cookie_only{{"Cookie", "upstander_teacher=" + s.cookie}};
  HttpResult r = http.get("/api/v1/teacher/sessions", "", cookie_only);
  CHECK(r.status == 403);
  CHECK(r.error_code() == "bad_csrf");
  r = http.get("/api/v1/teacher/sessions", "",
               {{"Cookie", "upstander_teacher=" + s.cookie}, {"X-Upstander-CSRF", s.cookie}});
  CHECK(r.error_code() == "bad_csrf");
  r = http.get("/api/v1/teacher/sessions", "",
               {{"Cookie", "upstander_teacher=" + s.csrf}, {"X-Upstander-CSRF", s.csrf}});
  CHECK(r.status == 401);
  CHECK(r.error_code() == "not_signed_in");

  // Another site's page, though the browser sends the cookie along.
  Headers evil = s.headers();
  evil.emplace("Origin", "http://evil.example");
  r = http.get("/api/v1/teacher/sessions", "", evil);
  CHECK(r.status == 403);
  CHECK(r.error_code() == "cross_origin");
  Headers sibling = s.headers();
  sibling.emplace("Sec-Fetch-Site", "same-site");
  r = http.get("/api/v1/teacher/sessions", "", sibling);
  CHECK(r.status == 403);
  CHECK(r.error_code() == "cross_origin");
  Headers own = s.headers();
  own.emplace("Origin", "http://127.0.0.1:" + std::to_string(srv.port()));
  own.emplace("Sec-Fetch-Site", "same-origin");
  CHECK(http.get("/api/v1/teacher/sessions", "", own).status == 200);

  // Signing out ends this browser's session only.
  const SignedIn other = sign_in_with_link(srv);
  r = http.post("/api/v1/teacher/signout", "", "", "application/json", s.headers());
  CHECK(r.status == 200);
  CHECK(r.header("Set-Cookie").find("Max-Age=0") != std::string::npos);
  CHECK(http.get("/api/v1/teacher/sessions", "", s.headers()).status == 401);
  CHECK(http.get("/api/v1/teacher/csrf", "", cookie_only).status == 401);
  CHECK(http.get("/api/v1/teacher/sessions", "", other.headers()).status == 200);
  CHECK(http.get("/api/v1/teacher/csrf").status == 401);
}

TEST_CASE("a student token and another site's page are refused on every teacher route") {
  TempDir dir;
  TestServer srv(dir.path());
  const Http http = srv.http();
  const nlohmann::json session =
      srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}});
  SimStudent student(srv.port(), 7);
  REQUIRE(student.join(session["code"]) == 200);
  const SignedIn teacher = sign_in_with_link(srv);
  Headers evil = teacher.headers();
  evil.emplace("Origin", "http://evil.example");
  evil.emplace("Sec-Fetch-Site", "cross-site");
  const Headers student_cookie{{"Cookie", "upstander_teacher=" + student.token()},
                               {"X-Upstander-CSRF", student.token()}};

  int teacher_routes = 0;
  for (const auto& route : srv.server().api_routes()) {
    if (!is_teacher_path(route.pattern)) continue;
    ++teacher_routes;
    INFO(route.method, " ", route.pattern);
    const HttpResult as_student = call(http, route, session["id"], student.token(), {});
    CHECK(as_student.status >= 400);
    if (route.caller == "teacher") {
      CHECK(as_student.status == 403);
      CHECK(as_student.error_code() == "not_teacher");
    }
    const HttpResult student_as_cookie = call(http, route, session["id"], "", student_cookie);
    CHECK(student_as_cookie.status >= 400);
    const HttpResult cross = call(http, route, session["id"], "", evil);
    if (route.pattern == "/teacher/signin") {
      CHECK(cross.status == 410);  // a link followed from elsewhere: fine, but no token here
      continue;
    }
    CHECK(cross.status == 403);
    CHECK(cross.error_code() == "cross_origin");
  }
  CHECK(teacher_routes >= 20);
  // Nothing above changed the session.
  CHECK(http.get("/api/v1/teacher/sessions/" + session["id"].get<std::string>(), srv.token())
            .json()["state"] == "open");
}

TEST_CASE("a passphrase: set once, signs a browser in; 20 wrong ones are slowed down with 429") {
  TempDir dir;
  TestClock clock;
  TestServer srv(dir.path(), clock);
  const Http http = srv.http();
  const std::string right = "correct horse battery";
  HttpResult r = http.post("/api/v1/teacher/signin", R"({"passphrase":"anything"})");
  CHECK(r.status == 409);
  CHECK(r.error_code() == "no_passphrase");
  CHECK(http.put("/api/v1/teacher/passphrase", R"({"passphrase":"short"})", srv.token()).status ==
        422);
  const SignedIn browser = sign_in_with_link(srv);
  CHECK(http.get("/api/v1/teacher/csrf", "", browser.headers()).json()["passphrase_set"] == false);
  r = http.request("PUT", "/api/v1/teacher/passphrase",
                   nlohmann::json{{"passphrase", right}}.dump(), "", "application/json",
                   browser.headers());
  CHECK(r.status == 200);
  CHECK(http.get("/api/v1/teacher/csrf", "", browser.headers()).json()["passphrase_set"] == true);

  // The file holds a hash in this platform's scheme, owner-only.
  const std::string stored = read_file(dir.path() + "/teacher-passphrase");
  CHECK(stored.rfind(std::string(server::passphrase_scheme()) + "$", 0) == 0);
  CHECK(stored.find(right) == std::string::npos);
  if (!access_lists_are_emulated()) CHECK(private_to_owner(dir.path() + "/teacher-passphrase"));

  int wrong = 0, limited = 0, retry_after = 0;
  for (int i = 0; i < 20; ++i) {
    r = http.post("/api/v1/teacher/signin",
                  nlohmann::json{{"passphrase", "guess " + std::to_string(i)}}.dump());
    if (r.status == 401) {
      CHECK(r.error_code() == "wrong_passphrase");
      ++wrong;
    }
    if (r.status == 429) {
      ++limited;
      retry_after = std::atoi(r.header("Retry-After").c_str());
    }
  }
  CHECK(wrong + limited == 20);
  CHECK(wrong <= 6);
  CHECK(retry_after >= 1);
  // While held back, even the right passphrase waits (the server keeps no addresses).
  const std::string right_body = nlohmann::json{{"passphrase", right}}.dump();
  CHECK(http.post("/api/v1/teacher/signin", right_body).status == 429);
  clock.advance(retry_after);
  r = http.post("/api/v1/teacher/signin", right_body);
  REQUIRE(r.status == 200);
  SignedIn by_passphrase{cookie_from(r), r.json()["csrf"]};
  CHECK(by_passphrase.csrf.size() >= 32);
  CHECK(http.get("/api/v1/teacher/sessions", "", by_passphrase.headers()).status == 200);
  // Another site cannot try passphrases from a teacher's browser.
  r = http.post("/api/v1/teacher/signin", right_body, "", "application/json",
                {{"Sec-Fetch-Site", "cross-site"}});
  CHECK(r.status == 403);
}

TEST_CASE("the passphrase's hash is not the passphrase and verifies") {
  const std::string pass = "a teacher's passphrase";
  const std::string h1 = server::hash_passphrase(pass);
  const std::string h2 = server::hash_passphrase(pass);
  REQUIRE(!h1.empty());
  CHECK(h1 != pass);
  CHECK(h1.find(pass) == std::string::npos);
  CHECK(h1 != h2);  // salted
  CHECK(server::verify_passphrase(pass, h1));
  CHECK(server::verify_passphrase(pass, h2));
  CHECK_FALSE(server::verify_passphrase("a teacher's passphrasE", h1));
  CHECK_FALSE(server::verify_passphrase("", h1));
  CHECK_FALSE(server::verify_passphrase(pass, ""));
  CHECK_FALSE(server::verify_passphrase(pass, h1.substr(0, h1.size() - 2)));
  // The cost field tampered with: scrypt's 2^30 or PBKDF2's 30 rounds (too costly, too
  // weak) and a number past any bound are refused, not attempted.
  const auto fields = server::passphrase_fields(h1);
  REQUIRE(fields.size() >= 3);
  const std::size_t cost_at = fields[0].size() + 1;
  for (const char* cost : {"30", "99999999"}) {
    std::string tampered = h1;
    tampered.replace(cost_at, fields[1].size(), cost);
    CHECK_FALSE(server::verify_passphrase(pass, tampered));
  }
  CHECK(server::passphrase_hash_checkable(h1));
}

TEST_CASE("a passphrase hash from the other platform is refused with its own error") {
  // scrypt on Linux, PBKDF2 on Windows: a data folder copied across cannot be checked.
  const std::string other =
      server::passphrase_scheme() == "scrypt"
          ? "pbkdf2-sha256$600000$00112233445566778899aabbccddeeff$" + std::string(64, 'a')
          : "scrypt$15$8$1$00112233445566778899aabbccddeeff$" + std::string(64, 'a');
  CHECK_FALSE(server::passphrase_hash_checkable(other));
  CHECK_FALSE(server::verify_passphrase("anything", other));
  TempDir dir;
  TestClock clock;
  TestServer srv(dir.path(), clock);
  std::ofstream(dir.path() + "/teacher-passphrase") << other << "\n";
  const HttpResult r = srv.http().post("/api/v1/teacher/signin", R"({"passphrase":"anything"})");
  CHECK(r.status == 409);
  CHECK(r.error_code() == "passphrase_unsupported");
}

TEST_CASE("the sign-in throttle doubles its wait after the free tries and resets on success") {
  server::SigninThrottle t(3, 60);
  int retry = 0;
  for (int i = 0; i < 3; ++i) CHECK(t.begin(100, retry));
  CHECK_FALSE(t.begin(100, retry));  // then 1 s after the 3rd wrong one
  CHECK(retry == 1);
  CHECK(t.begin(101, retry));
  CHECK_FALSE(t.begin(102, retry));  // 2 s after the 4th
  CHECK(retry == 1);
  CHECK(t.begin(103, retry));
  CHECK_FALSE(t.begin(104, retry));  // 4 s after the 5th
  CHECK(retry == 3);
  t.succeeded();
  CHECK(t.begin(104, retry));
  server::SigninThrottle capped(0, 60);
  for (int i = 0; i < 40; ++i) capped.begin(1000 + i * 60, retry);
  CHECK_FALSE(capped.begin(1000 + 40 * 60 - 1, retry));
  CHECK(retry <= 60);
  CHECK(server::cookie_value("a=1; upstander_teacher=xyz; b=2", "upstander_teacher") == "xyz");
  CHECK(server::cookie_value("upstander_teacher_x=1", "upstander_teacher").empty());
}

TEST_CASE("/teacher/ serves the bundle's teacher folder") {
  TempDir dir;
  TestClock clock;
  server::ServerOptions o = test_options(dir.path(), clock);
  const fs::path bundle = fs::path(dir.path()) / "bundle";
  fs::create_directories(bundle / "teacher");
  std::ofstream(bundle / "index.html") << "game";
  std::ofstream(bundle / "teacher" / "index.html") << "dashboard";
  o.web_root = bundle.string();
  TestServer srv(o);
  const HttpResult page = srv.http().get("/teacher/");
  CHECK(page.status == 200);
  CHECK(page.body == "dashboard");
  const HttpResult bare = srv.http().get("/teacher");
  CHECK(bare.status == 308);
  CHECK(bare.header("Location") == "/teacher/");
  CHECK(srv.http().get("/").body == "game");
}
