// The server's operational log: sessions' lifecycle and error counts are there; a join
// code, a token, a pseudonym or a client address never are. Also serve.conf's reading.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

#include "serve_config.hpp"
#include "server_log.hpp"
#include "server_test_support.hpp"

using namespace upstander;
using namespace upstander::test;

namespace {

// Sends this process's stderr to a file while alive; text() reads what was written.
class StderrCapture {
 public:
  explicit StderrCapture(const std::string& path) : path_(path) {
    std::fflush(stderr);
    saved_ = ::dup(STDERR_FILENO);
    const int fd = ::open(path.c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0600);
    ::dup2(fd, STDERR_FILENO);
    ::close(fd);
  }
  ~StderrCapture() { restore(); }
  std::string text() {
    restore();
    return read_file(path_);
  }

 private:
  void restore() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    ::dup2(saved_, STDERR_FILENO);
    ::close(saved_);
    saved_ = -1;
  }
  std::string path_;
  int saved_ = -1;
};

}  // namespace

TEST_CASE(
    "the log follows a session by its id and never holds a code, token, pseudonym or address") {
  TempDir dir;
  StderrCapture capture(dir.path() + "/stderr.log");
  std::string id, code, token;
  std::vector<std::string> pseudonym_words;
  {
    TestServer srv(dir.path() + "/data");
    const nlohmann::json session =
        srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}});
    id = session["id"];
    code = session["code"];
    SimStudent student(srv.port(), 7);
    REQUIRE(student.join(code) == 200);
    token = student.token();
    for (const auto& [key, value] : student.join_answer()["pseudonym"].items()) {
      if (value.is_string()) pseudonym_words.push_back(value.get<std::string>());
    }
    student.play(tour_scenario());
    Http http = srv.http();
    CHECK(http.post("/api/v1/join", R"({"code":"ZZZZZZ"})").status == 404);
    CHECK(http.get("/api/v1/nothing-here").status == 404);
    CHECK(http.post("/api/v1/teacher/sessions/" + id + "/end", "{}", srv.token()).status == 200);
    srv.stop();
  }
  const std::string log = capture.text();
  CHECK(log.find("session " + id + " created") != std::string::npos);
  CHECK(log.find("session " + id + " started") != std::string::npos);
  CHECK(log.find("session " + id + " ended") != std::string::npos);
  CHECK(log.find("404=2") != std::string::npos);
  CHECK(log.find(code) == std::string::npos);
  CHECK(log.find("ZZZZZZ") == std::string::npos);
  CHECK(log.find(token) == std::string::npos);
  REQUIRE(!pseudonym_words.empty());
  for (const auto& w : pseudonym_words) CHECK_MESSAGE(log.find(w) == std::string::npos, w);
  CHECK(log.find("127.0.0.1") == std::string::npos);
}

TEST_CASE("the error tally counts per status, writes once per interval and resets") {
  server::AnswerTally tally(600);
  tally.count(200, 0);
  tally.count(404, 1);
  tally.count(404, 2);
  tally.count(429, 3);
  CHECK(tally.take() == "404=2 429=1");
  CHECK(tally.take().empty());
}

TEST_CASE("serve.conf: keys set options, and every mistake names its line") {
  server::ServerOptions o;
  REQUIRE(
      teacher::apply_serve_config("# a comment\n\nport = 9000\nbind=127.0.0.1  # here only\nk = 7\n"
                                  "retention_days = 14\n",
                                  "serve.conf", o)
          .ok());
  CHECK(o.port == 9000);
  CHECK(o.bind_address == "127.0.0.1");
  CHECK(o.default_k == 7);
  CHECK(o.retention_days == 14);

  const std::pair<const char*, const char*> bad[] = {
      {"port = 80\nprot = 1\n", "serve.conf:2: unknown key \"prot\""},
      {"port = http\n", "serve.conf:1: port must be a number"},
      {"\nk = 2\n", "serve.conf:2: k must be a number from 3 to 100"},
      {"retention_days = 31\n", "serve.conf:1: retention_days must be a number from 0 to 30"},
      {"port 8080\n", "serve.conf:1: expected \"key = value\""},
      {"port = 1\nport = 2\n", "serve.conf:2: \"port\" is set twice"},
      {"bind = \n", "serve.conf:1: bind must be one address"},
  };
  for (const auto& [text, message] : bad) {
    server::ServerOptions fresh;
    const auto r = teacher::apply_serve_config(text, "serve.conf", fresh);
    REQUIRE_FALSE(r.ok());
    const std::string& e = r.error().message;
    CHECK_MESSAGE(e.rfind(message, 0) == 0, e);
  }
  CHECK_FALSE(teacher::load_serve_config("/nonexistent/serve.conf", o).ok());
}

TEST_CASE("the administrator's k and retention are the settings after a start") {
  TempDir dir;
  TestClock clock;
  server::ServerOptions o = test_options(dir.path(), clock);
  o.retention_days = 12;
  o.default_k = 8;
  TestServer srv(o);
  const HttpResult r = srv.http().get("/api/v1/teacher/settings", srv.token());
  REQUIRE(r.status == 200);
  CHECK(r.json()["retention_days"] == 12);
  CHECK(r.json()["default_k"] == 8);
}
