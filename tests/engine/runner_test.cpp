// Runner: playthroughs with scripted choices, their end states and event sequences.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_support.hpp"
#include "upstander/runner.hpp"

using namespace upstander;

namespace {

const Scenario& tour() {
  static test::Loaded loaded = test::load_repo_file("content/scenarios/feature-tour.json");
  REQUIRE_MESSAGE(loaded.file.ok(), test::render(loaded.diagnostics));
  return *loaded.file.scenario();
}

std::vector<std::string> kinds(const std::vector<RunnerEvent>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.emplace_back(name_of(e.type));
  return out;
}

// Continues through linear nodes until a decision, a question or an ending.
void continue_to_input(Runner& r) {
  while (r.can_continue() && r.node().kind != NodeKind::Reflection)
    REQUIRE(r.advance() == StepResult::Ok);
}

}  // namespace

SCENARIO("telling a teacher in the feature tour ends as an upstander") {
  Runner r(tour());
  r.start();
  CHECK(r.node().id == "saturday");
  CHECK(r.perspective() == "me");
  continue_to_input(r);
  REQUIRE(r.node().id == "ask-share");
  REQUIRE(r.choose("say-yes") == StepResult::Ok);
  continue_to_input(r);
  REQUIRE(r.node().id == "edited");
  CHECK(r.visible_choices().size() == 4);
  REQUIRE(r.choose("tell-teacher") == StepResult::Ok);
  CHECK(r.value_of("told_teacher") == 1);
  CHECK(r.value_of("spread") == 30);  // the class chat saw it when it was posted
  continue_to_input(r);
  REQUIRE(r.node().id == "what-helps");
  CHECK(r.perspective() == "me");
  REQUIRE(r.answer("adult") == StepResult::Ok);
  REQUIRE(r.advance() == StepResult::Ok);
  REQUIRE(r.answer_scale(4) == StepResult::Ok);
  REQUIRE(r.advance() == StepResult::Ok);
  REQUIRE(r.advance() == StepResult::Ok);
  CHECK(r.at_ending());
  CHECK(r.node().id == "end-upstander");
}

SCENARIO("forwarding spreads the image, switches phones and ends in harm") {
  Runner r(tour());
  r.start();
  continue_to_input(r);
  REQUIRE(r.choose("ask-crop") == StepResult::Ok);
  continue_to_input(r);
  REQUIRE(r.choose("forward") == StepResult::Ok);
  CHECK(r.value_of("spread") == 55);
  r.take_events();
  REQUIRE(r.advance() == StepResult::Ok);  // excuse -> ripple
  CHECK(r.node().kind == NodeKind::Ripple);
  CHECK(r.value_of("spread") == 55);
  REQUIRE(r.advance() == StepResult::Ok);  // -> perspective switch
  CHECK(r.perspective() == "seoyeon");
  continue_to_input(r);
  CHECK(r.perspective() == "me");
  REQUIRE(r.advance() == StepResult::Ok);  // unanswered questions may be passed
  REQUIRE(r.advance() == StepResult::Ok);
  REQUIRE(r.advance() == StepResult::Ok);
  CHECK(r.node().id == "end-harm");
  const auto events = r.take_events();
  REQUIRE(!events.empty());
  CHECK(events.back().type == EventType::EndingReached);
  CHECK(events.back().outcome == "harm");
}

SCENARIO("events carry ids in order with increasing sequence numbers") {
  Runner r(tour());
  r.start();
  continue_to_input(r);
  r.choose("say-yes");
  const auto events = r.take_events();
  CHECK(kinds(events) == std::vector<std::string>{"scenario_started", "node_entered",
                                                  "node_entered", "node_entered", "choice_made",
                                                  "node_entered"});
  for (std::size_t i = 0; i < events.size(); ++i) {
    CHECK(events[i].seq == i);
    CHECK(events[i].scenario == "feature-tour");
  }
  CHECK(events[4].node == "ask-share");
  CHECK(events[4].choice == "say-yes");
  CHECK(events[5].node == "story");
  CHECK(r.take_events().empty());
}

SCENARIO("going back one choice restores the state before it") {
  Runner r(tour());
  r.start();
  continue_to_input(r);
  r.choose("say-yes");
  continue_to_input(r);
  REQUIRE(r.choose("forward") == StepResult::Ok);
  CHECK(r.value_of("spread") == 55);
  REQUIRE(r.back() == StepResult::Ok);
  CHECK(r.node().id == "edited");
  CHECK(r.value_of("spread") == 30);
  REQUIRE(r.back() == StepResult::Ok);
  CHECK(r.node().id == "ask-share");
  CHECK(r.back() == StepResult::NothingToUndo);
}

SCENARIO("skipping a scene") {
  Runner r(tour());
  r.start();
  WHEN("on linear nodes, skip lands on the next decision") {
    REQUIRE(r.skip() == StepResult::Ok);
    CHECK(r.node().id == "ask-share");
    const auto events = r.take_events();
    REQUIRE(events.size() >= 2);
    CHECK(events[events.size() - 2].type == EventType::SceneSkipped);
    CHECK(events[events.size() - 2].node == "saturday");
    CHECK(events[events.size() - 2].to == "ask-share");
  }
  WHEN("at a decision, skip follows skip_to (the supportive route) without recording a choice") {
    r.skip();
    r.take_events();
    REQUIRE(r.skip() == StepResult::Ok);
    CHECK(r.node().id == "skip-helps");
    for (const auto& e : r.take_events()) CHECK(e.type != EventType::ChoiceMade);
    CHECK(r.back() == StepResult::Ok);
    CHECK(r.node().id == "ask-share");
  }
  WHEN("the skip route ends as skipped, never as an ending of the story") {
    r.skip();
    REQUIRE(r.skip() == StepResult::Ok);
    REQUIRE(r.advance() == StepResult::Ok);
    REQUIRE(r.at_ending());
    const auto events = r.take_events();
    REQUIRE(events.back().type == EventType::EndingReached);
    CHECK(events.back().outcome == "skipped");
  }
}

SCENARIO("choices are refused when they do not apply") {
  Runner r(tour());
  r.start();
  CHECK(r.choose("say-yes") == StepResult::NotAvailable);
  continue_to_input(r);
  CHECK(r.choose("nonsense") == StepResult::UnknownChoice);
  CHECK(r.choose_visible(7) == StepResult::OutOfRange);
  CHECK(r.answer_scale(3) == StepResult::NotAvailable);
  CHECK(r.choose_visible(1) == StepResult::Ok);
  CHECK(r.node().id == "cropped");
}

SCENARIO("a save restores by node id, and says when the node is gone") {
  Runner r(tour());
  r.start();
  continue_to_input(r);
  r.choose("say-yes");
  continue_to_input(r);
  r.choose("forward");
  const nlohmann::json save = r.save();
  GIVEN("the same content") {
    RestoreResult res = restore_runner(tour(), save);
    REQUIRE(res.runner.has_value());
    CHECK(res.runner->node().id == r.node().id);
    CHECK(res.runner->value_of("spread") == 55);
    CHECK(res.runner->next_seq() == r.next_seq());
    REQUIRE(res.runner->back() == StepResult::Ok);
    CHECK(res.runner->node().id == "edited");
  }
  GIVEN("a save whose node was removed") {
    nlohmann::json edited = save;
    edited["node"] = "no-longer-here";
    RestoreResult res = restore_runner(tour(), edited);
    CHECK_FALSE(res.runner.has_value());
    CHECK(res.error == RestoreError::NodeGone);
    CHECK(res.detail == "no-longer-here");
  }
  GIVEN("garbage") {
    CHECK(restore_runner(tour(), nlohmann::json::array()).error == RestoreError::NotASave);
    nlohmann::json odd = save;
    odd["perspective"] = 42;
    CHECK(restore_runner(tour(), odd).error == RestoreError::NotASave);
  }
}

SCENARIO("skipping a reflection question moves on and says so, without an answer") {
  Runner r(tour());
  r.start();
  continue_to_input(r);
  REQUIRE(r.choose("say-yes") == StepResult::Ok);
  continue_to_input(r);
  REQUIRE(r.choose("tell-teacher") == StepResult::Ok);
  continue_to_input(r);
  REQUIRE(r.node().id == "what-helps");
  REQUIRE(r.answer("adult") == StepResult::Ok);
  r.take_events();
  REQUIRE(r.skip_question() == StepResult::Ok);
  CHECK(r.node().id == "how-sure");
  CHECK(r.answer_at("what-helps") == nullptr);  // skipping takes the earlier answer back
  const auto events = r.take_events();
  REQUIRE(events.size() >= 2);
  CHECK(events[0].type == EventType::SceneSkipped);
  CHECK(events[0].node == "what-helps");
  CHECK(events[0].to == "how-sure");
  CHECK(events[1].type == EventType::NodeEntered);
  CHECK(events[1].node == "how-sure");
  // Only a question can be skipped this way; a decision keeps its own skip route.
  REQUIRE(r.skip_question() == StepResult::Ok);
  CHECK(r.skip_question() == StepResult::NotAvailable);
}
