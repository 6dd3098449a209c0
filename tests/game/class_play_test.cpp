// Class play end to end, without a window: three students play a scenario through
// AppModel with the real classroom client, against the real server library on a loopback
// port. One finds the server by discovery, two type its address; the server goes away
// halfway and a student quits and restarts meanwhile; the teacher's summary, read over
// the HTTP API, shows every choice they made.
//
// Index:
//   1. Helpers: a student's computer, joining, playing
//   2. Desktop class play end to end
//   3. Helpers: the browser's transport and tab
//   4. Browser class play end to end

#include <doctest/doctest.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <thread>

#include <set>

#include <nlohmann/json.hpp>

#include "app_model.hpp"
#include "native_class_link.hpp"
#include "polled_class_link.hpp"
#include "http_call.hpp"
#include "join_code.hpp"
#include "local_store.hpp"
#include "server_test_support.hpp"
#include "summary_checks.hpp"

using namespace upstander;
using namespace upstander::app;
using namespace upstander::test;
using namespace std::chrono_literals;

namespace {

// --- 1. Helpers: a student's computer, joining, playing ---

const ContentLibrary& library() {
  // The game's own content too: class mode must not offer it.
  static const ContentLibrary lib =
      ContentLibrary::load({source_path("content/scenarios"), source_path("content/locale"),
                            source_path("content/help")});
  return lib;
}

class RecordingSink final : public EventSink {
 public:
  void runner_events(const std::vector<RunnerEvent>& e) override { count += e.size(); }
  void survey_answer(const SurveyAnswer&) override { ++count; }
  std::size_t count = 0;
};

NativeClassLinkOptions options(const std::string& dir, int discovery_port) {
  NativeClassLinkOptions o;
  o.data_dir = dir;
  o.discovery.port = discovery_port;
  o.discovery.targets = {"127.0.0.1"};
  o.discovery.wait = 500ms;
  o.connection.connect_timeout = 500ms;
  o.connection.request_timeout = 2000ms;
  o.connection.backoff_min = 20ms;
  o.connection.backoff_max = 200ms;
  return o;
}

// One student's computer: the save, the class connection and the game's model.
struct Student {
  Student(const std::string& dir, int discovery_port)
      : store(dir),
        connection(options(dir, discovery_port)),
        model(library(), &store, solo, connection, "en_US.UTF-8") {}
  ProgressStore store;
  RecordingSink solo;
  NativeClassLink connection;
  AppModel model;
  double clock = 0.0;

  // Ticks the model (as frames would) until `done` or 10 seconds.
  bool wait_for(const std::function<bool()>& done) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!done()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(10ms);
      model.tick(clock += 0.01);
    }
    return true;
  }
};

void join(Student& s, const std::string& code, const std::string& address) {
  AppModel& m = s.model;
  m.start();
  REQUIRE(m.choose_language("en"));
  REQUIRE(m.choose_class());
  REQUIRE(m.screen() == Screen::Join);
  if (!address.empty()) {
    m.join_select(JoinField::Address);
    for (char c : address) REQUIRE(m.join_type(c));
    m.join_select(JoinField::Code);
  } else {
    REQUIRE(s.wait_for([&] { return m.class_discovery().done; }));
    CHECK(m.class_discovery().servers.size() == 1);
  }
  for (char c : code) REQUIRE(m.join_type(static_cast<char>(std::tolower(c))));
  REQUIRE(m.join_submit());
  REQUIRE(s.wait_for([&] { return !m.joining(); }));
  REQUIRE_MESSAGE(m.screen() == Screen::ClassWelcome, m.join_error_text());
  CHECK(m.class_name().find(std::to_string(m.class_session()->pseudonym.number)) !=
        std::string::npos);
  REQUIRE(m.class_welcome_done());
  REQUIRE(m.offered_scenarios().size() == 1);
  CHECK(m.offered_scenarios()[0]->id == "feature-tour");
}

// The same path for everyone: the first choice at each decision, the first option or a 4
// at each reflection. Stops after `steps` steps (or at the ending) and records each choice.
void play(AppModel& m, std::map<std::string, std::string>& choices, int steps = 1000) {
  for (int i = 0; i < steps && m.screen() != Screen::Debrief; ++i) {
    m.reveal_all();
    const Node& n = m.runner()->node();
    if (m.screen() == Screen::Reflection) {
      const auto& body = n.as<ReflectionBody>();
      REQUIRE((body.scale ? m.answer_scale(4) : m.answer_option(0)));
    } else if (!m.runner()->visible_choices().empty()) {
      const Choice& c = n.choices[static_cast<std::size_t>(m.runner()->visible_choices()[0])];
      choices[n.id] = c.id;
      REQUIRE(m.choose(0));
    } else {
      REQUIRE(m.continue_story());
    }
  }
}

void begin(AppModel& m) {
  REQUIRE(m.pick_scenario(0));
  REQUIRE(m.note_play());
  REQUIRE(m.screen() == Screen::PreSurvey);
  while (m.screen() == Screen::PreSurvey) REQUIRE(m.survey_answer(4));
  REQUIRE(m.screen() == Screen::Play);
}

void finish(AppModel& m) {
  REQUIRE(m.screen() == Screen::Debrief);
  m.tick(m.now() + AppModel::kEndingDwellSeconds);
  REQUIRE(m.debrief_done());
  while (m.screen() == Screen::PostSurvey) REQUIRE(m.survey_answer(5));
  REQUIRE(m.screen() == Screen::Finish);
}

bool delivered(Student& s) {
  return s.connection.client() && s.connection.client()->flush(10s) && s.model.class_pending() == 0;
}

}  // namespace

// --- 2. Desktop class play end to end ---

TEST_CASE("the game's join code alphabet is the server's") {
  CHECK(kJoinCodeAlphabet == server::kJoinCodeAlphabet);
  CHECK(kJoinCodeLength == server::kJoinCodeLength);
}

TEST_CASE(
    "three students play in class; the server goes away and comes back; the summary shows their "
    "choices") {
  TempDir server_dir, dir_a, dir_b, dir_c;
  TestClock clock;
  auto server_options = test_options(server_dir.path(), clock);
  server_options.discovery_port = -1;
  auto srv = std::make_unique<TestServer>(server_options);
  const int port = srv->port();
  const int udp = srv->server().discovery_port();
  const auto session =
      srv->create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}, {"k", 3}});
  const std::string code = session["code"].get<std::string>();
  const std::string address = "127.0.0.1:" + std::to_string(port);

  std::map<std::string, std::string> path_a, path_b, path_c;
  auto a = std::make_unique<Student>(dir_a.path(), udp);
  auto b = std::make_unique<Student>(dir_b.path(), udp);
  auto c = std::make_unique<Student>(dir_c.path(), udp);
  CHECK(a->model.class_asks_address());  // natively the class may be anywhere on the network
  join(*a, code, "");                    // found by discovery
  join(*b, code, address);
  join(*c, code, address);

  // A plays while the server is there.
  begin(a->model);
  play(a->model, path_a);
  finish(a->model);
  REQUIRE(delivered(*a));
  CHECK(a->model.class_status() == ClassStatus::Online);
  CHECK(a->model.class_status_line().find("Connected to the class") != std::string::npos);

  // The teacher's laptop lid closes. B and C keep playing; their answers wait.
  srv.reset();
  begin(b->model);
  play(b->model, path_b, 4);
  begin(c->model);
  play(c->model, path_c);
  finish(c->model);
  REQUIRE(c->wait_for([&] { return c->model.class_status() == ClassStatus::Offline; }));
  CHECK(c->model.class_pending() > 0);
  CHECK(c->model.class_status_line().find(std::to_string(c->model.class_pending()) +
                                          " answers saved here") != std::string::npos);

  // B quits and starts again: the same session, the same moment, the answers still waiting.
  const std::string node = b->model.runner()->node().id;
  const std::size_t waiting = b->model.class_pending();
  CHECK(waiting > 0);
  b.reset();
  b = std::make_unique<Student>(dir_b.path(), udp);
  b->model.start();
  REQUIRE(b->model.in_class());
  REQUIRE(b->model.runner() != nullptr);
  CHECK(b->model.runner()->node().id == node);
  CHECK(b->model.class_pending() >= waiting);
  play(b->model, path_b);
  finish(b->model);

  // The server comes back on the same port: everything arrives, once.
  server_options.port = port;
  srv = std::make_unique<TestServer>(server_options);
  REQUIRE(delivered(*b));
  REQUIRE(delivered(*c));
  for (Student* s : {a.get(), b.get(), c.get()}) {
    CHECK(s->solo.count == 0);
    CHECK(s->connection.client()->dropped() == 0);
  }

  CHECK(path_a == path_b);
  CHECK(path_a == path_c);
  REQUIRE_FALSE(path_a.empty());
  const auto summary =
      srv->http()
          .get("/api/v1/teacher/sessions/" + session["id"].get<std::string>() + "/summary",
               srv->token())
          .json();
  check_no_small_counts(summary, 3);
  const auto& scenario = summary["scenarios"][0];
  std::size_t checked = 0;
  for (const auto& d : scenario["decisions"]) {
    const auto it = path_a.find(d["node"].get<std::string>());
    if (it == path_a.end()) continue;
    const auto* chosen = cell(d, it->second);
    REQUIRE(chosen != nullptr);
    CHECK((*chosen)["shown"] == "count");
    CHECK((*chosen)["count"] == 3);
    ++checked;
  }
  CHECK(checked == path_a.size());
  // All three reached the same ending.
  int endings = 0;
  for (const auto& e : scenario["endings"]["cells"]) {
    if (e["count"].is_number() && e["count"] == 3) ++endings;
  }
  CHECK(endings == 1);
  REQUIRE_FALSE(summary["survey"]["items"].empty());
  for (const auto& item : summary["survey"]["items"]) {
    // Everyone answered 4 before and 5 after; reversed items are flipped (6 - value).
    const bool reverse = item.value("reverse", false);
    CHECK(item["pre"]["mean"].get<double>() == doctest::Approx(reverse ? 2.0 : 4.0));
    CHECK(item["post"]["mean"].get<double>() == doctest::Approx(reverse ? 1.0 : 5.0));
  }
}

TEST_CASE(
    "the class connection: no files until a class is joined, clear errors, nothing left after "
    "leaving") {
  TempDir server_dir, dir;
  TestServer srv(server_dir.path());
  const auto session = srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}});
  const std::string address = "127.0.0.1:" + std::to_string(srv.port());
  const std::filesystem::path class_dir = std::filesystem::path(dir.path()) / "class";
  NativeClassLink c(options(dir.path(), 9));  // discovery asks a port nobody serves
  auto settle = [&c] {
    for (int i = 0; i < 1000 && c.join_attempt().busy; ++i) {
      std::this_thread::sleep_for(10ms);
      c.poll();
    }
    return c.join_attempt();
  };

  CHECK_FALSE(c.resume());
  CHECK(c.session() == nullptr);
  CHECK(c.sink() == nullptr);
  CHECK_FALSE(std::filesystem::exists(class_dir));

  c.join("ABCDEF", "not an address!");
  CHECK(settle().failure == JoinError::BadAddress);
  c.discover();
  c.join("ABCDEF", "");  // waits for the search, which finds nobody
  CHECK(settle().failure == JoinError::NoServer);
  CHECK(c.discovery().done);
  CHECK(c.discovery().servers.empty());
  c.join("ZZZZZZ", address);
  CHECK(settle().failure == JoinError::UnknownCode);
  CHECK_FALSE(std::filesystem::exists(class_dir));

  c.join(session["code"].get<std::string>(), address);
  CHECK(settle().failure == JoinError::None);
  REQUIRE(c.session() != nullptr);
  CHECK(c.session()->id == session["id"]);
  CHECK(c.session()->scenarios.size() == 1);
  CHECK(std::filesystem::exists(class_dir));
  c.leave();
  CHECK(c.session() == nullptr);
  CHECK_FALSE(std::filesystem::exists(class_dir));
  CHECK_FALSE(c.resume());
}

namespace {

// --- 3. Helpers: the browser's transport and tab ---

// The browser's path without a browser: PolledClassLink drives the core from the
// model's poll() with no thread. Requests are made in start() (the browser's fetch()
// answers on a later frame; here the answer simply waits for take()), and every event id
// sent is recorded.
class LoopbackTransport final : public client::Transport {
 public:
  explicit LoopbackTransport(std::set<std::string>& sent) : sent_(sent) {}
  void start(client::HttpRequest r) override {
    if (r.path == "/api/v1/student/events") {
      const auto batch = nlohmann::json::parse(r.body);
      for (const auto& e : batch["events"]) sent_.insert(e["id"].get<std::string>());
    }
    reply_ = client::http_call(r, {500ms, 2000ms});
  }
  std::optional<client::HttpReply> take() override {
    auto r = std::move(reply_);
    reply_.reset();
    return r;
  }

 private:
  std::set<std::string>& sent_;
  std::optional<client::HttpReply> reply_;
};

// A browser tab: the page's server, its storage (SQLite standing in for localStorage) and
// the game's model. Destroying it and making another on the same folder is a reload.
struct Tab {
  Tab(const std::string& dir, int port, std::set<std::string>& sent)
      : store(dir),
        connection(std::make_unique<client::ClassCore>(
                       std::make_unique<LoopbackTransport>(sent),
                       [dir] { return client::LocalStore::open(dir + "/class"); },
                       [] {
                         client::CoreOptions o;
                         o.backoff_min = 20ms;
                         o.backoff_max = 200ms;
                         return o;
                       }()),
                   client::ServerAddress{"127.0.0.1", port}),
        model(library(), &store, solo, connection, "en_US.UTF-8") {}
  ProgressStore store;
  RecordingSink solo;
  PolledClassLink connection;
  AppModel model;
  double clock = 0.0;

  bool wait_for(const std::function<bool()>& done) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!done()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(10ms);
      model.tick(clock += 0.01);
    }
    return true;
  }
};

}  // namespace

// --- 4. Browser class play end to end ---

TEST_CASE(
    "the thread-free connection (the browser's): join by code alone, offline, reload, every event "
    "once") {
  TempDir server_dir, dir;
  TestClock clock;
  auto server_options = test_options(server_dir.path(), clock);
  auto srv = std::make_unique<TestServer>(server_options);
  const int port = srv->port();
  const auto session = srv->create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}});
  std::set<std::string> sent;

  auto tab = std::make_unique<Tab>(dir.path(), port, sent);
  AppModel& m = tab->model;
  m.start();
  REQUIRE(m.choose_language("en"));
  REQUIRE(m.choose_class());
  CHECK_FALSE(m.class_asks_address());  // the page's own server is the class's
  for (char c : session["code"].get<std::string>())
    REQUIRE(m.join_type(static_cast<char>(std::tolower(c))));
  REQUIRE(m.join_submit());  // no address: the page's own server
  REQUIRE(tab->wait_for([&] { return !m.joining(); }));
  REQUIRE_MESSAGE(m.screen() == Screen::ClassWelcome, m.join_error_text());
  REQUIRE(m.class_welcome_done());
  std::map<std::string, std::string> path;
  begin(m);
  play(m, path, 3);
  REQUIRE(tab->wait_for([&] { return m.class_pending() == 0; }));
  CHECK(m.class_status() == ClassStatus::Online);

  // The server goes away; the student plays on, then reloads the page.
  srv.reset();
  play(m, path, 4);
  REQUIRE(tab->wait_for([&] { return m.class_status() == ClassStatus::Offline; }));
  const std::size_t waiting = m.class_pending();
  CHECK(waiting > 0);
  const std::string node = m.runner()->node().id;
  tab.reset();
  tab = std::make_unique<Tab>(dir.path(), port, sent);
  AppModel& again = tab->model;
  again.start();
  REQUIRE(again.in_class());
  REQUIRE(again.runner() != nullptr);
  CHECK(again.runner()->node().id == node);
  CHECK(again.class_pending() == waiting);
  play(again, path);
  finish(again);

  // Back: everything arrives within a few seconds, once.
  server_options.port = port;
  srv = std::make_unique<TestServer>(server_options);
  REQUIRE(tab->wait_for([&] { return again.class_pending() == 0; }));
  CHECK(again.class_status() == ClassStatus::Online);
  CHECK(tab->connection.core().dropped() == 0);
  CHECK(tab->solo.count == 0);
  CHECK(query_count(server_dir.path(), "SELECT count(*) FROM events") ==
        static_cast<std::int64_t>(sent.size()));
  CHECK(query_count(server_dir.path(), "SELECT count(*) FROM players") == 1);
}
