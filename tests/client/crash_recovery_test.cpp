// The real `upstander-teacher serve` process is killed with SIGKILL while 30 students are
// sending, and restarted on the same port. The students' durable queues resend; in the
// end every event they submitted is stored exactly once and the aggregates match what
// they did, so no acknowledged event was lost and none was counted twice.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>

#include "server_test_support.hpp"
#include "upstander/client/class_worker.hpp"
#include "upstander/runner.hpp"

using namespace upstander;
using namespace upstander::client;
using namespace upstander::test;
using namespace std::chrono_literals;

namespace {

// `upstander-teacher serve` as a child process.
class ServerProcess {
 public:
  ServerProcess(const std::string& data_dir, int port) { start(data_dir, port); }
  ~ServerProcess() { kill_now(); }

  int port() const { return port_; }

  void start(const std::string& data_dir, int port) {
    int out[2];
    REQUIRE(::pipe(out) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::dup2(out[1], STDOUT_FILENO);
      ::close(out[0]);
      ::close(out[1]);
      const std::string p = std::to_string(port);
      const std::string scenarios = source_path("content/scenarios");
      ::execl(UPSTANDER_TEACHER_EXE, "upstander-teacher", "serve", "--bind", "127.0.0.1", "--port",
              p.c_str(), "--data", data_dir.c_str(), "--content", scenarios.c_str(),
              "--discovery-port", "0", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(out[1]);
    // Wait for "listening on port N".
    std::string text;
    char buf[256];
    while (text.find("listening on port ") == std::string::npos) {
      const ssize_t n = ::read(out[0], buf, sizeof buf);
      if (n <= 0) break;
      text.append(buf, static_cast<std::size_t>(n));
    }
    ::close(out[0]);
    const auto at = text.find("listening on port ");
    REQUIRE_MESSAGE(at != std::string::npos, text);
    port_ = std::atoi(text.c_str() + at + 18);
  }

  void kill_now() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

std::string first_line(const std::string& path) {
  std::ifstream in(path);
  std::string s;
  std::getline(in, s);
  return s;
}

struct Student {
  std::unique_ptr<ClassWorker> connection;
  std::size_t submitted = 0;
  std::map<std::string, std::string> final_choices;
  std::string ending;
};

// Plays the tour at a student's pace, submitting every event as the game would.
void play(Student& s, std::uint64_t seed, const std::atomic<bool>& go) {
  while (!go) std::this_thread::sleep_for(1ms);
  Runner r(*s.connection->scenarios().at(0));
  r.start();
  std::mt19937_64 rng(seed);
  auto submit = [&] {
    const auto events = r.take_events();
    for (const auto& e : events) {
      if (e.type == EventType::ChoiceMade) s.final_choices[e.node] = e.choice;
      if (e.type == EventType::EndingReached) s.ending = e.node;
    }
    REQUIRE(s.connection->submit(events));
    s.submitted += events.size();
  };
  while (!r.at_ending()) {
    if (r.node().kind == NodeKind::Reflection) {
      const auto& body = r.node().as<ReflectionBody>();
      if (body.options.empty())
        r.answer_scale(1 + static_cast<int>(rng() % 5));
      else
        r.answer(body.options[rng() % body.options.size()].id);
      r.advance();
    } else if (r.node().is_decision()) {
      r.choose_visible(rng() % r.visible_choices().size());
      if (rng() % 3 == 0 && r.can_go_back()) {
        submit();
        r.back();
        r.choose_visible(rng() % r.visible_choices().size());
      }
    } else {
      r.advance();
    }
    submit();
    std::this_thread::sleep_for(std::chrono::milliseconds(5 + rng() % 20));
  }
  submit();
}

}  // namespace

TEST_CASE(
    "a server killed with SIGKILL under load loses no acknowledged event and stores none twice") {
  TempDir server_dir;
  ServerProcess proc(server_dir.path(), 0);
  const int port = proc.port();
  const std::string teacher = first_line(server_dir.path() + "/teacher-token");
  Http http(port);
  const HttpResult created =
      http.post("/api/v1/teacher/sessions",
                R"({"scenarios":["feature-tour"],"language":"en","k":3})", teacher);
  REQUIRE(created.status == 201);
  const auto session = created.json();

  constexpr int kStudents = 30;
  std::vector<std::unique_ptr<TempDir>> dirs;
  std::vector<Student> students(kStudents);
  for (int i = 0; i < kStudents; ++i) {
    dirs.push_back(std::make_unique<TempDir>());
    ConnectionOptions o;
    o.data_dir = dirs.back()->path();
    o.connect_timeout = 300ms;
    o.request_timeout = 2000ms;
    o.backoff_min = 20ms;
    o.backoff_max = 300ms;
    auto joined = ClassWorker::join({"127.0.0.1", port}, session["code"].get<std::string>(), o);
    REQUIRE(joined.ok());
    students[static_cast<std::size_t>(i)].connection = std::move(*joined);
  }

  std::atomic<bool> go{false};
  std::vector<std::thread> players;
  for (int i = 0; i < kStudents; ++i) {
    players.emplace_back([&, i] {
      play(students[static_cast<std::size_t>(i)], 500 + static_cast<std::uint64_t>(i), go);
    });
  }
  go = true;
  // Kill the server while events are flowing, and bring it back on the same port.
  std::int64_t stored_before = 0;
  for (int i = 0; i < 400 && stored_before < 100; ++i) {
    std::this_thread::sleep_for(5ms);
    stored_before = query_count(server_dir.path(), "SELECT count(*) FROM events");
  }
  proc.kill_now();
  std::this_thread::sleep_for(300ms);
  proc.start(server_dir.path(), port);
  for (auto& t : players) t.join();

  std::size_t submitted = 0;
  for (auto& s : students) {
    REQUIRE(s.connection->flush(30s));
    CHECK(s.connection->pending() == 0);
    CHECK(s.connection->dropped() == 0);
    submitted += s.submitted;
  }
  INFO("stored before the kill: ", stored_before, ", submitted: ", submitted);
  CHECK(stored_before > 0);
  CHECK(static_cast<std::size_t>(stored_before) < submitted);  // the kill happened mid-load
  // Every submitted event is stored, once.
  CHECK(query_count(server_dir.path(), "SELECT count(*) FROM events") ==
        static_cast<std::int64_t>(submitted));
  // The aggregates count each student once per question: what was stored twice would show.
  CHECK(query_count(server_dir.path(), "SELECT sum(count) FROM agg_counts WHERE kind = 1") ==
        kStudents);
  CHECK(query_count(server_dir.path(), "SELECT sum(count) FROM agg_counts WHERE kind = 6") ==
        kStudents);
  std::map<std::pair<std::string, std::string>, std::int64_t> expected;
  for (const auto& s : students) {
    for (const auto& [node, choice] : s.final_choices) ++expected[{node, choice}];
  }
  for (const auto& [key, n] : expected) {
    INFO(key.first, "/", key.second);
    CHECK(
        query_count(server_dir.path(), "SELECT count FROM agg_counts WHERE kind = 3 AND point = '" +
                                           key.first + "' AND answer = '" + key.second + "'") == n);
  }
}
