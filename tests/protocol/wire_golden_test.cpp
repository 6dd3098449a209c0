// Every message of the student API as the protocol library encodes it, compared with
// tests/protocol/golden/<message>.json, so a change of the wire shows in review. After an
// intended change: UPSTANDER_UPDATE_GOLDEN=1 ./build/tests/protocol/protocol_tests, then
// read the diff of tests/protocol/golden/ before committing.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "upstander/protocol/api_error_message.hpp"
#include "upstander/protocol/content_message.hpp"
#include "upstander/protocol/event_message.hpp"
#include "upstander/protocol/event_type.hpp"
#include "upstander/protocol/join_message.hpp"
#include "upstander/protocol/session_message.hpp"
#include "upstander/protocol/sha256.hpp"
#include "upstander/protocol/version.hpp"

using namespace upstander;
using namespace upstander::protocol;
namespace fs = std::filesystem;

namespace {

const fs::path kGoldenDir = fs::path(UPSTANDER_SOURCE_DIR) / "tests/protocol/golden";

std::vector<ServedFile> sample_files() {
  ServedFile scenario{"feature-tour.json", "scenario", "", R"({"id": "feature-tour"})"};
  ServedFile survey{"survey.json", "survey", "", R"({"id": "core"})"};
  for (auto* f : {&scenario, &survey}) f->sha256 = sha256_hex(f->text);
  return {scenario, survey};
}

RunnerEvent runner_event(EventType type) {
  RunnerEvent e;
  e.type = type;
  e.scenario = "feature-tour";
  e.node = "n-start";
  return e;
}

// Each message by name, encoded with fixed inputs.
std::vector<std::pair<std::string, std::string>> messages() {
  const auto files = sample_files();
  const std::string content = encode_content(files);
  JoinAnswer join{"5f1c0e2a9b7d4c31",
                  "00112233445566778899aabbccddeeff",
                  {"calm", "otter", 42},
                  "ko",
                  true,
                  SurveyOrder::BA,
                  "",
                  {}};
  RunnerEvent choice = runner_event(EventType::ChoiceMade);
  choice.choice = "c-report";
  RunnerEvent option = runner_event(EventType::ReflectionAnswered);
  option.option = "o-ask";
  RunnerEvent scale = runner_event(EventType::ReflectionAnswered);
  scale.value = 4;
  RunnerEvent skip = runner_event(EventType::SceneSkipped);
  skip.to = "n-after";
  RunnerEvent ending = runner_event(EventType::EndingReached);
  ending.outcome = "upstander";  // not sent: the server knows it from the node
  const std::string survey = survey_body("fake-harm", SurveyForm::B, SurveyPhase::Post, 2);
  return {
      {"join_request", encode_join_request("ABC-DEF")},
      {"join_answer", encode_join_answer(join, content)},
      {"content", content},
      {"content_answer", encode_content_answer({"5f1c0e2a9b7d4c31", "en", false, true}, content)},
      {"session_state", encode_session_state(true)},
      {"event_scenario_started", event_body(runner_event(EventType::ScenarioStarted))},
      {"event_node_entered", event_body(runner_event(EventType::NodeEntered))},
      {"event_choice_made", event_body(choice)},
      {"event_reflection_option", event_body(option)},
      {"event_reflection_scale", event_body(scale)},
      {"event_scene_skipped", event_body(skip)},
      {"event_ending_reached", event_body(ending)},
      {"event_survey_answered", survey},
      {"events_batch",
       event_batch({wire_event("0123456789abcdef0123456789abcdef", 7, event_body(choice)),
                    wire_event("fedcba9876543210fedcba9876543210", 8, survey)})},
      {"events_ack", encode_events_ack({{"0123456789abcdef0123456789abcdef"}, 1, 0, true})},
      {"api_error", encode_api_error("invalid_event", "choice is not a choice of this node",
                                     nlohmann::json{{"pointer", "/events/3/choice"}})},
  };
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("every encoded message matches its golden copy") {
  const bool update = std::getenv("UPSTANDER_UPDATE_GOLDEN") != nullptr;
  for (const auto& [name, encoded] : messages()) {
    CAPTURE(name);
    const auto parsed = nlohmann::json::parse(encoded, nullptr, false);
    REQUIRE_MESSAGE(!parsed.is_discarded(), "not JSON: " << encoded);
    const std::string pretty = parsed.dump(2) + "\n";
    const fs::path path = kGoldenDir / (name + ".json");
    if (update) {
      std::ofstream(path, std::ios::binary) << pretty;
      continue;
    }
    REQUIRE_MESSAGE(fs::exists(path), "missing " << path << "; run with UPSTANDER_UPDATE_GOLDEN=1");
    CHECK(read_file(path) == pretty);
  }
}

TEST_CASE("every golden file is a message the test encodes") {
  std::set<std::string> known;
  for (const auto& [name, encoded] : messages()) known.insert(name + ".json");
  for (const auto& entry : fs::directory_iterator(kGoldenDir)) {
    CAPTURE(entry.path());
    CHECK(known.count(entry.path().filename().string()) == 1);
  }
}

TEST_CASE("a join answer decodes to what was encoded, with its content checked") {
  const auto files = sample_files();
  JoinAnswer sent{"5f1c0e2a9b7d4c31",
                  "00112233445566778899aabbccddeeff",
                  {"calm", "otter", 42},
                  "ko",
                  false,
                  SurveyOrder::BA,
                  "",
                  {}};
  const auto decoded = decode_join_answer(encode_join_answer(sent, encode_content(files)));
  REQUIRE(decoded.ok());
  const JoinAnswer& got = *decoded;
  CHECK(got.session == sent.session);
  CHECK(got.token == sent.token);
  CHECK(got.pseudonym.adjective == "calm");
  CHECK(got.pseudonym.animal == "otter");
  CHECK(got.pseudonym.number == 42);
  CHECK(got.language == "ko");
  CHECK_FALSE(got.collect);
  CHECK(got.survey_order == SurveyOrder::BA);
  CHECK(got.content_hash == content_hash(files));
  REQUIRE(got.files.size() == 2);
  CHECK(got.files[1].text == files[1].text);

  const auto no_token = decode_join_answer(R"({"session": "x"})");
  REQUIRE_FALSE(no_token.ok());
  CHECK(no_token.error().code == JoinAnswerError::NoToken);
  const auto bad_content =
      decode_join_answer(R"({"session": "x", "token": "t", "content": {"hash": 1}})");
  REQUIRE_FALSE(bad_content.ok());
  CHECK(bad_content.error().code == JoinAnswerError::BadContent);
}

TEST_CASE("the content hash covers each file's name and digest in order") {
  auto files = sample_files();
  const std::string hash = content_hash(files);
  CHECK(hash == sha256_hex(files[0].name + "\n" + files[0].sha256 + "\n" + files[1].name + "\n" +
                           files[1].sha256 + "\n"));
  std::swap(files[0], files[1]);
  CHECK(content_hash(files) != hash);
}

TEST_CASE("an acknowledgement gives back its ids, and a body that is not one gives none") {
  CHECK(decode_acknowledged(encode_events_ack({{"a1", "b2"}, 2, 0, true})) ==
        std::vector<std::string>{"a1", "b2"});
  CHECK(decode_acknowledged("not json").empty());
  CHECK(decode_acknowledged(R"({"acknowledged": [1, "c3"]})") == std::vector<std::string>{"c3"});
}

TEST_CASE(
    "an API error body gives back its code, details and pointer, and other bodies give none") {
  const ApiError e = decode_api_error(
      encode_api_error("invalid_event", "refused", nlohmann::json{{"pointer", "/events/3"}}));
  CHECK(e.code == "invalid_event");
  CHECK(e.message == "refused");
  CHECK(e.pointer == "/events/3");
  CHECK(e.details == nlohmann::json{{"pointer", "/events/3"}});
  const nlohmann::json diagnostics = {{"diagnostics", {{{"text", "line 3: no start"}}}}};
  CHECK(decode_api_error(encode_api_error("invalid_pack", "refused", diagnostics)).details ==
        diagnostics);
  const ApiError plain = decode_api_error(encode_api_error("lobby_locked", "locked"));
  CHECK(plain.code == "lobby_locked");
  CHECK(plain.pointer.empty());
  CHECK(plain.details.is_null());
  for (const char* body : {"not json", "[1]", R"({"error": "x"})", R"({"error": {"code": 5}})"}) {
    CAPTURE(body);
    CHECK(decode_api_error(body).code.empty());
  }
  // A message quoting input that is not UTF-8 is still sent, with the bytes replaced.
  CHECK(decode_api_error(encode_api_error("bad", "a\xff")).code == "bad");
}

TEST_CASE("event kinds keep their names and numbers, and the engine's names agree") {
  CHECK(static_cast<int>(EventKind::ScenarioStarted) == 1);
  CHECK(static_cast<int>(EventKind::SurveyAnswered) == 7);
  for (int i = 1; i <= 7; ++i) {
    const auto kind = static_cast<EventKind>(i);
    CHECK(parse_event_kind(name_of(kind)) == kind);
  }
  CHECK_FALSE(parse_event_kind("format_key").has_value());
  // The engine names its events too (runner_event.cpp); what is sent is the protocol's.
  for (EventType t :
       {EventType::ScenarioStarted, EventType::NodeEntered, EventType::ChoiceMade,
        EventType::ReflectionAnswered, EventType::SceneSkipped, EventType::EndingReached}) {
    CHECK(name_of(kind_of(t)) == upstander::name_of(t));
  }
}

TEST_CASE("the student API's paths share the protocol's prefix") {
  for (std::string_view p :
       {kJoinPath, kStudentContentPath, kStudentSessionPath, kStudentEventsPath}) {
    CHECK(p.substr(0, kApiPrefix.size()) == kApiPrefix);
  }
  CHECK(kApiPrefix == "/api/v" + std::to_string(kProtocolVersion));
}
