// The client's small parts: addresses, backoff, the wire format (checked against the
// server's own validator), the outbox on disk and content verification.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "backoff.hpp"
#include "event_validation.hpp"
#include "local_store.hpp"
#include "server_test_support.hpp"
#include "upstander/client/server_address.hpp"
#include "upstander/protocol/content_message.hpp"
#include "upstander/protocol/event_message.hpp"
#include "upstander/protocol/sha256.hpp"
#include "upstander/runner.hpp"

using namespace upstander;
using namespace upstander::client;
using namespace upstander::protocol;
using namespace upstander::test;

TEST_CASE("typed server addresses") {
  CHECK(parse_server_address("10.0.0.5:8080") == ServerAddress{"10.0.0.5", 8080});
  CHECK(parse_server_address(" 10.0.0.5 ") == ServerAddress{"10.0.0.5", kDefaultServerPort});
  CHECK(parse_server_address("http://teacher-pc:9000/") == ServerAddress{"teacher-pc", 9000});
  CHECK(parse_server_address("[fe80::1]:8081") == ServerAddress{"fe80::1", 8081});
  CHECK_FALSE(parse_server_address("10.0.0.5:99999"));
  CHECK_FALSE(parse_server_address("10.0.0.5:"));
  CHECK_FALSE(parse_server_address(""));
  CHECK_FALSE(parse_server_address("a b"));
}

TEST_CASE("backoff doubles with jitter up to its maximum, and resets") {
  using ms = std::chrono::milliseconds;
  Backoff b(ms(100), ms(1000), 42);
  std::int64_t step = 100;
  for (int i = 0; i < 8; ++i) {
    const auto d = b.next().count();
    CHECK(d >= step / 2);
    CHECK(d <= step);
    step = std::min<std::int64_t>(step * 2, 1000);
  }
  b.reset();
  CHECK(b.next().count() <= 100);
  // Two students with different seeds do not retry in lockstep.
  Backoff x(ms(1000), ms(60000), 1), y(ms(1000), ms(60000), 2);
  int same = 0;
  for (int i = 0; i < 6; ++i) same += x.next() == y.next() ? 1 : 0;
  CHECK(same < 6);
}

TEST_CASE("every runner event and survey answer is in the form the server validates") {
  std::string tour, survey;
  {
    std::ifstream a(source_path("content/scenarios/feature-tour.json"));
    std::stringstream sa;
    sa << a.rdbuf();
    tour = sa.str();
    std::ifstream b(source_path("tests/fixtures/server/survey/test-survey.json"));
    std::stringstream sb;
    sb << b.rdbuf();
    survey = sb.str();
  }
  auto loaded = server::SessionContent::load(
      {{"feature-tour.json", "scenario", tour, ""}, {"survey.json", "survey", survey, ""}});
  REQUIRE(loaded);
  const auto content = *loaded;
  // A playthrough that uses every event type: choices, going back, a skip, both kinds of
  // reflection, the ending.
  Runner r(tour_scenario());
  r.start();
  std::vector<RunnerEvent> events;
  auto take = [&] {
    for (auto& e : r.take_events()) events.push_back(std::move(e));
  };
  // The skip: over the opening scene to the first decision. (Skipping a decision now
  // leads to the supportive route, which has no reflections.)
  REQUIRE(r.skip() == StepResult::Ok);
  take();
  while (!r.at_ending()) {
    if (r.node().kind == NodeKind::Reflection) {
      const auto& body = r.node().as<ReflectionBody>();
      if (body.options.empty())
        r.answer_scale(4);
      else
        r.answer(body.options.front().id);
      r.advance();
    } else if (r.node().is_decision()) {
      r.choose_visible(0);
      take();
      r.back();
      r.choose_visible(r.visible_choices().size() - 1);
    } else {
      r.advance();
    }
    take();
  }
  take();
  std::set<EventType> types;
  std::string batch = "{\"events\":[";
  std::int64_t ord = 0;
  for (const auto& e : events) {
    types.insert(e.type);
    batch += (ord ? "," : "") +
             wire_event("e000000000000" + std::to_string(100 + ord), ord, event_body(e));
    ++ord;
  }
  batch += "," + wire_event("5100000000000001", ord,
                            survey_body("fake-harm", SurveyForm::B, SurveyPhase::Pre, 2));
  batch += "]}";
  CHECK(types.size() == 6);
  const auto result = server::read_event_batch(batch, *content, 500);
  REQUIRE_MESSAGE(result.ok(),
                  (result.ok() ? "" : result.error().message + " at " + result.error().pointer));
  const auto& read = *result;
  REQUIRE(read.size() == events.size() + 1);
  // Form B before play: counted as before play, and the raw event keeps the form.
  CHECK(read.back().answer == "B");
  CHECK(read.back().survey_pre);
}

TEST_CASE("the outbox keeps events across a restart, in order, and never reuses an order number") {
  TempDir dir;
  std::int64_t last = 0;
  {
    auto opened = LocalStore::open(dir.path());
    REQUIRE(opened);
    auto store = std::move(*opened);
    REQUIRE(store->enqueue({{"a", "{}"}, {"b", "{}"}, {"c", "{}"}}));
    REQUIRE(store->remove({"c"}));
    last = store->peek(10).back().ord;
  }
  auto opened = LocalStore::open(dir.path());
  REQUIRE(opened);
  auto store = std::move(*opened);
  auto waiting = store->peek(10);
  REQUIRE(waiting.size() == 2);
  CHECK(waiting[0].id == "a");
  CHECK(waiting[1].id == "b");
  REQUIRE(store->enqueue({{"d", "{}"}}));
  waiting = store->peek(10);
  CHECK(waiting.back().ord > last + 1);  // "c"'s number is not given out again
  CHECK(store->count() == 3);
  // Leaving the class deletes everything, also from the file's bytes.
  REQUIRE(store->enqueue({{"marker-outbox-9d2e", "{\"type\":\"x\"}"}}));
  REQUIRE(store->forget());
  std::ifstream f(dir.path() + "/class-connection.sqlite", std::ios::binary);
  std::stringstream bytes;
  bytes << f.rdbuf();
  CHECK(bytes.str().find("marker-outbox-9d2e") == std::string::npos);
  CHECK(store->count() == 0);
}

TEST_CASE("content that does not match its hashes is refused") {
  std::vector<ServedFile> files{{"feature-tour.json", "scenario", "", ""}};
  {
    std::ifstream a(source_path("content/scenarios/feature-tour.json"));
    std::stringstream sa;
    sa << a.rdbuf();
    files[0].text = sa.str();
  }
  files[0].sha256 = sha256_hex(files[0].text);
  const std::string hash = content_hash(files);
  const auto loaded = load_verified(files, hash);
  REQUIRE(loaded.ok());
  CHECK(loaded->size() == 1);

  auto tampered = files;
  tampered[0].text.replace(tampered[0].text.find("Minji"), 5, "Mallo");
  CHECK_FALSE(load_verified(tampered, hash).ok());
  tampered[0].sha256 = sha256_hex(tampered[0].text);  // a consistent file, but not this session's
  const auto foreign = load_verified(tampered, hash);
  REQUIRE_FALSE(foreign.ok());
  CHECK(foreign.error().find("content hash") != std::string::npos);
}
