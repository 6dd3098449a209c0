// ClassWorker against a real in-process server: joining, delivery, the server going
// away and coming back, the game restarting, data collection off, the session ending.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "server_test_support.hpp"
#include "summary_checks.hpp"
#include "upstander/client/class_worker.hpp"
#include "upstander/client/discovery.hpp"
#include "upstander/content_file.hpp"
#include "upstander/runner.hpp"

using namespace upstander;
using namespace upstander::client;
using namespace upstander::test;
using namespace std::chrono_literals;

namespace {

ConnectionOptions fast_options(const std::string& dir) {
  ConnectionOptions o;
  o.data_dir = dir;
  o.connect_timeout = 500ms;
  o.request_timeout = 2000ms;
  o.backoff_min = 20ms;
  o.backoff_max = 200ms;
  return o;
}

// Plays the first scenario of the connection to an ending, handing every event to it.
std::size_t play(ClassWorker& c, std::uint64_t seed) {
  Runner r(*c.scenarios().at(0));
  r.start();
  std::mt19937_64 rng(seed);
  std::size_t n = 0;
  while (!r.at_ending()) {
    if (r.node().kind == NodeKind::Reflection) {
      const auto& body = r.node().as<ReflectionBody>();
      if (body.options.empty())
        r.answer_scale(3);
      else
        r.answer(body.options.front().id);
      r.advance();
    } else if (r.node().is_decision()) {
      r.choose_visible(rng() % r.visible_choices().size());
    } else {
      r.advance();
    }
    const auto events = r.take_events();
    n += events.size();
    REQUIRE(c.submit(events));
  }
  const auto tail = r.take_events();
  n += tail.size();
  REQUIRE(c.submit(tail));
  return n;
}

}  // namespace

TEST_CASE("a student joins, plays and every event arrives") {
  TempDir server_dir, student_dir;
  TestServer srv(server_dir.path());
  const auto session =
      srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "ko"}, {"k", 3}});
  auto joined = ClassWorker::join({"127.0.0.1", srv.port()}, session["code"].get<std::string>(),
                                  fast_options(student_dir.path()));
  REQUIRE(joined.ok());
  ClassWorker& c = *joined.value();
  CHECK(c.language() == "ko");
  CHECK(c.collecting());
  CHECK(c.content_hash() == session["content_hash"]);
  REQUIRE(c.scenarios().size() == 1);
  CHECK(c.scenarios()[0]->id == "feature-tour");

  // The pseudonym reads in the student's language from the locale files.
  Diagnostics diags;
  ContentFile ko = load_content_file(source_path("content/locale/ko.json"), diags);
  ContentFile en = load_content_file(source_path("content/locale/en.json"), diags);
  REQUIRE(ko.ok());
  REQUIRE(en.ok());
  const std::string name_ko = display_name(c.pseudonym(), *ko.locale());
  const std::string name_en = display_name(c.pseudonym(), *en.locale());
  CHECK(name_en.find(std::to_string(c.pseudonym().number)) != std::string::npos);
  CHECK(name_ko != name_en);
  CHECK(name_en.find(c.pseudonym().animal) !=
        std::string::npos);  // English animal words are the ids

  const std::size_t played = play(c, 1);
  REQUIRE(c.flush(10s));
  CHECK(c.pending() == 0);
  CHECK(c.status() == ConnectionStatus::Online);
  CHECK(c.dropped() == 0);
  CHECK(query_count(server_dir.path(), "SELECT count(*) FROM events") ==
        static_cast<std::int64_t>(played));
}

TEST_CASE("joining fails clearly") {
  TempDir server_dir, student_dir;
  TestServer srv(server_dir.path());
  auto wrong =
      ClassWorker::join({"127.0.0.1", srv.port()}, "ZZZZZZ", fast_options(student_dir.path()));
  REQUIRE_FALSE(wrong.ok());  // and so no connection
  CHECK(wrong.error().code == JoinError::UnknownCode);
  const auto session = srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}});
  REQUIRE(srv.http()
              .post("/api/v1/teacher/sessions/" + session["id"].get<std::string>() + "/lock", "",
                    srv.token())
              .status == 200);
  auto locked = ClassWorker::join({"127.0.0.1", srv.port()}, session["code"].get<std::string>(),
                                  fast_options(student_dir.path()));
  REQUIRE_FALSE(locked.ok());
  CHECK(locked.error().code == JoinError::LobbyLocked);
  const int port = srv.port();
  srv.stop();
  auto nobody = ClassWorker::join({"127.0.0.1", port}, "ABCDEF", fast_options(student_dir.path()));
  REQUIRE_FALSE(nobody.ok());
  CHECK(nobody.error().code == JoinError::Unreachable);
}

TEST_CASE("the game keeps playing while the server is gone; everything arrives once it is back") {
  TempDir server_dir, student_dir;
  TestClock clock;
  auto options = test_options(server_dir.path(), clock);
  auto srv = std::make_unique<TestServer>(options);
  const int port = srv->port();
  const auto session =
      srv->create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}, {"k", 3}});
  auto joined = ClassWorker::join({"127.0.0.1", port}, session["code"].get<std::string>(),
                                  fast_options(student_dir.path()));
  REQUIRE(joined.ok());
  std::unique_ptr<ClassWorker> c = std::move(*joined);

  srv.reset();  // the teacher's laptop lid closes
  const std::size_t played = play(*c, 2);
  std::this_thread::sleep_for(200ms);
  CHECK(c->status() == ConnectionStatus::Offline);
  CHECK(c->pending() == played);

  SUBCASE("the game restarts before the server is back") {
    c.reset();
    c = ClassWorker::resume(fast_options(student_dir.path()));
    REQUIRE(c);
    CHECK(c->pending() == played);
    CHECK(c->scenarios().size() == 1);  // the content was kept too
  }

  options.port = port;
  srv = std::make_unique<TestServer>(options);
  REQUIRE(c->flush(10s));
  CHECK(c->pending() == 0);
  CHECK(c->status() == ConnectionStatus::Online);
  CHECK(query_count(server_dir.path(), "SELECT count(*) FROM events") ==
        static_cast<std::int64_t>(played));
}

TEST_CASE("the waiting count stays exact while the sender keeps retrying") {
  // The sender publishes the queue's size after each failed round while the game queues
  // more. (An event stored between the sender's count and its publishing used to be
  // counted twice; that window is too narrow to hit on purpose, so this checks the count
  // under constant retry rounds and across a restart rather than the race itself.)
  TempDir server_dir, student_dir;
  TestClock clock;
  auto srv = std::make_unique<TestServer>(test_options(server_dir.path(), clock));
  const auto session =
      srv->create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}, {"k", 3}});
  ConnectionOptions o = fast_options(student_dir.path());
  o.backoff_min = 1ms;
  o.backoff_max = 1ms;
  auto joined =
      ClassWorker::join({"127.0.0.1", srv->port()}, session["code"].get<std::string>(), o);
  REQUIRE(joined.ok());
  std::unique_ptr<ClassWorker> c = std::move(*joined);
  srv.reset();

  Runner r(*c->scenarios().at(0));
  r.start();
  const auto events = r.take_events();
  REQUIRE_FALSE(events.empty());
  constexpr std::size_t kSubmits = 400;
  for (std::size_t i = 0; i < kSubmits; ++i) REQUIRE(c->submit(events.front()));
  std::this_thread::sleep_for(50ms);  // a few more failed rounds
  CHECK(c->pending() == kSubmits);
  c.reset();
  c = ClassWorker::resume(o);
  REQUIRE(c);
  CHECK(c->pending() == kSubmits);
}

TEST_CASE("an event the server refuses is dropped alone and the rest still arrive") {
  TempDir server_dir, student_dir;
  TestServer srv(server_dir.path());
  const auto session =
      srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}, {"k", 3}});
  auto joined = ClassWorker::join({"127.0.0.1", srv.port()}, session["code"].get<std::string>(),
                                  fast_options(student_dir.path()));
  REQUIRE(joined.ok());
  ClassWorker& c = *joined.value();
  RunnerEvent bad;
  bad.type = EventType::ChoiceMade;
  bad.scenario = "feature-tour";
  bad.node = "ask-share";
  bad.choice = "forward";  // not a choice of this node
  RunnerEvent good;
  good.type = EventType::ScenarioStarted;
  good.scenario = "feature-tour";
  const std::vector<RunnerEvent> batch{good, bad, good};
  REQUIRE(c.submit(batch));
  REQUIRE(c.flush(10s));
  CHECK(c.dropped() == 1);
  CHECK(c.pending() == 0);
  CHECK(query_count(server_dir.path(), "SELECT count(*) FROM events") == 2);
}

TEST_CASE("with data collection off nothing is queued or sent") {
  TempDir server_dir, student_dir;
  TestServer srv(server_dir.path());
  const auto session =
      srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}, {"collect", false}});
  auto joined = ClassWorker::join({"127.0.0.1", srv.port()}, session["code"].get<std::string>(),
                                  fast_options(student_dir.path()));
  REQUIRE(joined.ok());
  ClassWorker& c = *joined.value();
  CHECK(c.status() == ConnectionStatus::NotCollecting);
  CHECK_FALSE(c.collecting());
  play(c, 3);
  CHECK(c.pending() == 0);
  CHECK(c.submit_survey("fake-harm", SurveyForm::A, SurveyPhase::Pre, 3));
  CHECK(c.pending() == 0);
}

TEST_CASE("when the teacher ends the session the client stops and clears its queue") {
  TempDir server_dir, student_dir;
  TestServer srv(server_dir.path());
  const auto session = srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}});
  auto joined = ClassWorker::join({"127.0.0.1", srv.port()}, session["code"].get<std::string>(),
                                  fast_options(student_dir.path()));
  REQUIRE(joined.ok());
  ClassWorker& c = *joined.value();
  REQUIRE(srv.http()
              .post("/api/v1/teacher/sessions/" + session["id"].get<std::string>() + "/end", "",
                    srv.token())
              .status == 200);
  play(c, 4);
  REQUIRE(c.flush(10s));
  CHECK(c.status() == ConnectionStatus::SessionEnded);
  CHECK(c.pending() == 0);
  c.leave();
  CHECK(ClassWorker::resume(fast_options(student_dir.path())) == nullptr);
}

TEST_CASE("students find the server by UDP broadcast") {
  TempDir server_dir;
  TestClock clock;
  auto options = test_options(server_dir.path(), clock);
  options.discovery_port = -1;  // any free port
  TestServer srv(options);
  const int udp = srv.server().discovery_port();
  REQUIRE(udp > 0);
  DiscoveryOptions d;
  d.port = udp;
  d.wait = 500ms;
  d.targets = {"127.0.0.1"};
  const auto found = discover_servers(d);
  REQUIRE(found.size() == 1);
  CHECK(found[0] == ServerAddress{"127.0.0.1", srv.port()});
}

TEST_CASE("the client learns its survey order from the join answer and keeps it across a restart") {
  TempDir server_dir, first_dir, second_dir;
  TestServer srv(server_dir.path());
  const auto session =
      srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}, {"survey", true}});
  const std::string code = session["code"].get<std::string>();
  auto first = ClassWorker::join({"127.0.0.1", srv.port()}, code, fast_options(first_dir.path()));
  auto second = ClassWorker::join({"127.0.0.1", srv.port()}, code, fast_options(second_dir.path()));
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  // Consecutive students get opposite orders: half the class sees each form first.
  CHECK(first.value()->survey_order() != second.value()->survey_order());
  const SurveyOrder second_order = second.value()->survey_order();
  second.value().reset();
  auto resumed = ClassWorker::resume(fast_options(second_dir.path()));
  REQUIRE(resumed);
  CHECK(resumed->survey_order() == second_order);
}
