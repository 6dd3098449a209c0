// Properties every shipped scenario must have, whatever its story: it loads clean, every
// ending is reachable by some sequence of choices, random play always ends, and saving
// in canonical form changes nothing.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "test_support.hpp"
#include "upstander/canonical_json.hpp"
#include "upstander/runner.hpp"
#include "upstander/scenario_flow.hpp"
#include "upstander/state_search.hpp"

using namespace upstander;

namespace {

const ContentLibrary& shipped() {
  static const ContentLibrary lib = ContentLibrary::load({test::source_path("content")});
  return lib;
}

// Plays `path` with a runner and returns where it ends up.
std::string replay(const Scenario& s, const std::vector<PathStep>& path) {
  Runner r(s);
  r.start();
  for (const auto& step : path) {
    REQUIRE(r.node_index() == step.node);
    if (step.choice == kSkipMove) {
      REQUIRE(r.skip() == StepResult::Ok);
    } else if (step.choice < 0) {
      REQUIRE(r.advance() == StepResult::Ok);
    } else {
      REQUIRE(r.choose(s.nodes[static_cast<std::size_t>(step.node)]
                           .choices[static_cast<std::size_t>(step.choice)]
                           .id) == StepResult::Ok);
    }
  }
  return r.node().id;
}

}  // namespace

TEST_CASE("the shipped content loads without errors or warnings") {
  CHECK_MESSAGE(shipped().diagnostics().empty(), test::render(shipped().diagnostics()));
  CHECK(!shipped().scenarios().empty());
}

TEST_CASE("every ending of every shipped scenario is reachable, and the path really gets there") {
  for (const Scenario* s : shipped().scenarios()) {
    StateSearch search(*s, 1'000'000);
    REQUIRE(search.complete());
    for (std::size_t i = 0; i < s->nodes.size(); ++i) {
      if (!s->nodes[i].is_ending()) continue;
      const auto path = search.path_to(static_cast<int>(i));
      const std::string where = s->id + ":" + s->nodes[i].id;
      REQUIRE_MESSAGE(path.has_value(), where << " cannot be reached by any sequence of choices");
      MESSAGE(where << " <- " << describe_path(*s, *path));
      CHECK(replay(*s, *path) == s->nodes[i].id);
    }
  }
}

TEST_CASE("seeded random play of every shipped scenario always reaches an ending") {
  std::mt19937 rng(4242);
  for (const Scenario* s : shipped().scenarios()) {
    for (int walk = 0; walk < 300; ++walk) {
      Runner r(*s);
      r.start();
      std::size_t steps = 0;
      const std::size_t limit = s->nodes.size() * 20;
      while (!r.at_ending() && steps++ < limit) {
        const auto roll = rng() % 100;
        if (roll < 5 && r.can_go_back()) {
          r.back();
        } else if (roll < 10 && r.can_skip()) {
          REQUIRE(r.skip() == StepResult::Ok);
        } else if (r.node().kind == NodeKind::Reflection && roll < 60) {
          const auto& q = r.node().as<ReflectionBody>();
          if (q.scale) {
            REQUIRE(r.answer_scale(1 + static_cast<int>(rng() % 5)) == StepResult::Ok);
          } else {
            REQUIRE(r.answer(q.options[rng() % q.options.size()].id) == StepResult::Ok);
          }
          REQUIRE(r.advance() == StepResult::Ok);
        } else if (r.can_continue()) {
          REQUIRE(r.advance() == StepResult::Ok);
        } else {
          const auto shown = r.visible_choices();
          REQUIRE_MESSAGE(!shown.empty(), s->id << ":" << r.node().id << " shows no choice");
          REQUIRE(r.choose_visible(rng() % shown.size()) == StepResult::Ok);
        }
      }
      CHECK_MESSAGE(r.at_ending(),
                    s->id << ": walk " << walk << " did not end, stuck near " << r.node().id);
    }
  }
}

TEST_CASE("saving and restoring at every step of a playthrough changes nothing") {
  for (const Scenario* s : shipped().scenarios()) {
    Runner r(*s);
    r.start();
    std::mt19937 rng(7);
    while (!r.at_ending()) {
      RestoreResult restored = restore_runner(*s, nlohmann::json::parse(r.save().dump()));
      REQUIRE(restored.runner.has_value());
      CHECK(restored.runner->node().id == r.node().id);
      CHECK(restored.runner->perspective() == r.perspective());
      CHECK(std::vector<std::int64_t>(restored.runner->values().begin(),
                                      restored.runner->values().end()) ==
            std::vector<std::int64_t>(r.values().begin(), r.values().end()));
      if (r.can_continue()) {
        r.advance();
      } else {
        r.choose_visible(rng() % r.visible_choices().size());
      }
    }
  }
}

TEST_CASE(
    "every shipped file round-trips: load, write canonical, load again gives the same model") {
  for (const auto& f : shipped().files()) {
    CAPTURE(f.source->path());
    const std::string canonical = canonical_text(f);
    REQUIRE(!canonical.empty());
    CHECK(canonical == f.source->bytes());
    Diagnostics d;
    ContentFile again = load_content_text(f.source->path(), canonical, d);
    REQUIRE_MESSAGE(again.ok(), test::render(d));
    CHECK(canonical_text(again) == canonical);
  }
}

TEST_CASE("scenarios are listed by their order field, then by id") {
  std::vector<std::string> ids;
  for (const Scenario* s : shipped().scenarios()) ids.push_back(s->id);
  REQUIRE(ids.size() >= 6);
  CHECK(ids.front() == "group-chat");
  CHECK(ids.back() == "feature-tour");
  for (std::size_t i = 1; i < ids.size(); ++i) {
    const Scenario* a = shipped().find_scenario(ids[i - 1]);
    const Scenario* b = shipped().find_scenario(ids[i]);
    CHECK((a->order < b->order || (a->order == b->order && a->id < b->id)));
  }
}
