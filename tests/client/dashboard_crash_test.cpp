// The class's server is a process of its own (issue 12): a dashboard-like process finds no
// server, starts `upstander-teacher serve` detached as the native dashboard does, and
// polls it like the live view; it is then killed with SIGKILL while five students play.
// The server goes on: no event is lost and no student sees "offline" for 5 s or more.
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include <httplib.h>

#include "local_server.hpp"
#include "server_test_support.hpp"
#include "upstander/client/class_worker.hpp"
#include "upstander/runner.hpp"

using namespace upstander;
using namespace upstander::client;
using namespace upstander::test;
using namespace std::chrono_literals;

namespace {

// A port nothing listens on right now (the spawned server needs a fixed one).
int unused_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

// Ends the detached server at the end of the test, whatever happened (it is no child of
// this process: its parent was the dashboard).
struct DetachedServer {
  pid_t pid = -1;
  ~DetachedServer() {
    if (pid <= 0) return;
    ::kill(pid, SIGTERM);
    for (int i = 0; i < 100 && ::kill(pid, 0) == 0; ++i) std::this_thread::sleep_for(50ms);
    if (::kill(pid, 0) == 0) ::kill(pid, SIGKILL);
  }
};

// The dashboard: start the server as the native one does, report its pid, then poll.
[[noreturn]] void dashboard_process(const server::ServerOptions& o, int report_fd) {
  const auto s = dashboard::ensure_local_server(UPSTANDER_TEACHER_EXE, o);
  const pid_t pid = s.ok() && s->started ? s->pid : -1;
  (void)!::write(report_fd, &pid, sizeof pid);
  httplib::Client cli("127.0.0.1", o.port);
  cli.set_bearer_token_auth(s.ok() ? s->token.c_str() : "");
  while (true) {
    cli.Get("/api/v1/teacher/sessions");
    ::usleep(50 * 1000);
  }
}

struct PacedStudent {
  std::unique_ptr<ClassWorker> connection;
  std::size_t submitted = 0;
};

// The tour at a reading pace, so the class is still playing when the dashboard dies.
void play_paced(PacedStudent& s, std::uint64_t seed) {
  Runner r(*s.connection->scenarios().at(0));
  r.start();
  std::mt19937_64 rng(seed);
  while (true) {
    const auto events = r.take_events();
    REQUIRE(s.connection->submit(events));
    s.submitted += events.size();
    if (r.at_ending()) break;
    if (r.node().kind == NodeKind::Reflection) {
      const auto& body = r.node().as<ReflectionBody>();
      if (body.options.empty())
        r.answer_scale(1 + static_cast<int>(rng() % 5));
      else
        r.answer(body.options[rng() % body.options.size()].id);
      r.advance();
    } else if (r.node().is_decision()) {
      r.choose_visible(rng() % r.visible_choices().size());
    } else {
      r.advance();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(40 + rng() % 40));
  }
}

}  // namespace

TEST_CASE("a dashboard killed with SIGKILL mid-session never interrupts the students") {
  TempDir server_dir;
  server::ServerOptions o;
  o.bind_address = "127.0.0.1";
  o.port = unused_port();
  o.data_dir = server_dir.path();
  o.content_paths = {source_path("content/scenarios")};
  o.discovery_port = 0;
  o.limits.worker_threads = 8;

  int report[2];
  REQUIRE(::pipe(report) == 0);
  const pid_t dash = ::fork();
  REQUIRE(dash >= 0);
  if (dash == 0) {
    ::close(report[0]);
    dashboard_process(o, report[1]);
  }
  ::close(report[1]);
  DetachedServer server;
  REQUIRE(::read(report[0], &server.pid, sizeof server.pid) == sizeof server.pid);
  ::close(report[0]);
  REQUIRE(server.pid > 0);
  CHECK(::getsid(server.pid) == server.pid);  // a session of its own, not the dashboard's

  const std::string teacher = dashboard::read_teacher_token(server_dir.path());
  Http http(o.port);
  const HttpResult created =
      http.post("/api/v1/teacher/sessions",
                R"({"scenarios":["feature-tour"],"language":"en","k":3})", teacher);
  REQUIRE(created.status == 201);
  const std::string code = created.json()["code"];

  constexpr int kStudents = 5;
  std::vector<std::unique_ptr<TempDir>> dirs;
  std::vector<PacedStudent> students(kStudents);
  for (auto& s : students) {
    dirs.push_back(std::make_unique<TempDir>());
    ConnectionOptions co;
    co.data_dir = dirs.back()->path();
    auto joined = ClassWorker::join({"127.0.0.1", o.port}, code, co);
    REQUIRE(joined.ok());
    s.connection = std::move(*joined);
  }

  // What each student's game shows, sampled every 20 ms: the longest "offline" stretch.
  std::atomic<bool> done{false};
  std::vector<std::chrono::milliseconds> longest(kStudents, 0ms);
  std::thread watcher([&] {
    std::vector<std::optional<std::chrono::steady_clock::time_point>> since(kStudents);
    while (!done) {
      const auto now = std::chrono::steady_clock::now();
      for (std::size_t i = 0; i < students.size(); ++i) {
        if (students[i].connection->status() != ConnectionStatus::Offline) {
          since[i].reset();
          continue;
        }
        if (!since[i]) since[i] = now;
        longest[i] = std::max(
            longest[i], std::chrono::duration_cast<std::chrono::milliseconds>(now - *since[i]));
      }
      std::this_thread::sleep_for(20ms);
    }
  });
  std::vector<std::thread> players;
  for (std::size_t i = 0; i < students.size(); ++i)
    players.emplace_back([&, i] { play_paced(students[i], 900 + i); });

  // Mid-session: some events stored, more to come.
  std::int64_t stored_before = 0;
  for (int i = 0; i < 500 && stored_before < 10; ++i) {
    std::this_thread::sleep_for(10ms);
    stored_before = query_count(server_dir.path(), "SELECT count(*) FROM events");
  }
  REQUIRE(::kill(dash, SIGKILL) == 0);
  int status = 0;
  REQUIRE(::waitpid(dash, &status, 0) == dash);
  CHECK(WIFSIGNALED(status));

  for (auto& t : players) t.join();
  std::size_t submitted = 0;
  for (auto& s : students) {
    CHECK(s.connection->flush(10s));
    CHECK(s.connection->pending() == 0);
    CHECK(s.connection->dropped() == 0);
    submitted += s.submitted;
  }
  done = true;
  watcher.join();

  INFO("stored before the kill: ", stored_before, ", submitted: ", submitted);
  CHECK(stored_before > 0);
  CHECK(static_cast<std::size_t>(stored_before) < submitted);  // killed mid-session
  CHECK(query_count(server_dir.path(), "SELECT count(*) FROM events") ==
        static_cast<std::int64_t>(submitted));
  for (const auto& l : longest) CHECK(l < 5000ms);
  // The server still runs, and a new dashboard finds it instead of starting another.
  CHECK(::kill(server.pid, 0) == 0);
  const auto again = dashboard::ensure_local_server(UPSTANDER_TEACHER_EXE, o);
  REQUIRE(again.ok());
  CHECK_FALSE(again->started);
  CHECK(again->token == teacher);
}
