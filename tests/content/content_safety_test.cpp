// Every path through every shipped scenario, skips included, keeps the content rules of issue
// 14: a skip never ends in a graded ending, law texts for minor targets cite the youth
// protection law, statistics carry a source, every ending lists help, the ripple stays within
// its audience, and a story whose player is targeted uses the "supported" outcomes.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "shipped_content.hpp"
#include "upstander/runner.hpp"
#include "upstander/scenario_text.hpp"

using namespace upstander;
using namespace upstander::content_test;

namespace {

const std::vector<std::string> kEveryScenario = {"group-chat", "just-for-fun", "the-message",
                                                 "the-friend", "booster",      "feature-tour"};

// One finished walk from the start to an ending.
struct Path {
  std::vector<std::string> nodes;  // ids in order
  bool skipped = false;            // took at least one "skip this scene"
  const Node* ending = nullptr;
};

// A walk in progress: the runner, and counters as the effects add up without the runner's
// clamping to a declared max (so a clamp can never hide a count larger than the audience).
struct Walk {
  Runner runner;
  Path path;
  std::map<std::string, std::int64_t> raw;
};

void apply(const std::vector<Effect>& effects, std::map<std::string, std::int64_t>& raw) {
  for (const auto& e : effects) {
    if (e.kind == Effect::Kind::Add)
      raw[e.var.id] += e.value;
    else
      raw[e.var.id] = e.value;
  }
}

// The audience a scenario defines: everyone in every group chat it names (each chat the image
// can reach is declared as a thread with its size).
std::int64_t audience(const Scenario& s) {
  std::int64_t n = 0;
  for (const auto& t : s.threads) {
    if (t.kind == ThreadKind::Group) n += t.members;
  }
  return n;
}

// Walks every path: every visible choice and the skip at each decision; a question is
// answered (answers change no variable, so one answer stands for all) and the story goes on.
// `at_node` sees the walk each time it enters a node.
std::vector<Path> every_path(const Scenario& s, const std::function<void(const Walk&)>& at_node) {
  std::vector<Path> done;
  Walk first{Runner(s), {}, {}};
  first.runner.start();
  for (const auto& v : s.variables) first.raw[v.id] = v.initial;
  std::vector<Walk> stack{first};
  const auto entered = [&](Walk& w) {
    const Node& n = w.runner.node();
    w.path.nodes.push_back(n.id);
    apply(n.effects, w.raw);
    at_node(w);
  };
  apply(first.runner.node().effects, stack.back().raw);
  stack.back().path.nodes.push_back(first.runner.node().id);
  at_node(stack.back());
  while (!stack.empty()) {
    Walk w = stack.back();
    stack.pop_back();
    REQUIRE(done.size() < 200000);
    REQUIRE_MESSAGE(w.path.nodes.size() < 400,
                    s.id << ": a path that never ends, at " << w.runner.node().id);
    const Node& n = w.runner.node();
    if (n.is_ending()) {
      w.path.ending = &n;
      done.push_back(w.path);
      continue;
    }
    if (n.is_decision()) {
      for (int i : w.runner.visible_choices()) {
        Walk next = w;
        const Choice& c = n.choices[static_cast<std::size_t>(i)];
        REQUIRE(next.runner.choose(c.id) == StepResult::Ok);
        apply(c.effects, next.raw);
        entered(next);
        stack.push_back(next);
      }
      if (n.skip_to) {
        Walk next = w;
        REQUIRE(next.runner.skip() == StepResult::Ok);
        next.path.skipped = true;
        entered(next);
        stack.push_back(next);
      }
      continue;
    }
    if (n.kind == NodeKind::Reflection) {
      const auto& q = n.as<ReflectionBody>();
      REQUIRE((q.options.empty() ? w.runner.answer_scale(3)
                                 : w.runner.answer(q.options.front().id)) == StepResult::Ok);
    }
    REQUIRE(w.runner.advance() == StepResult::Ok);
    entered(w);
    stack.push_back(w);
  }
  return done;
}

bool contains(const std::string& text, const char* needle) {
  return text.find(needle) != std::string::npos;
}

// "Statistic-bearing": a figure about the real world, which must carry its source. That is a
// percentage ("72.2%"), or a count of people or cases ("877 victims", "841명") in a text that
// names a year (19xx/20xx), since real-world counts come with their year. Counts inside the
// story ("18 people in the chat") name no year and are not statistics.
bool statistic_bearing(const std::string& text) {
  static const std::regex percent(R"(\d+(\.\d+)?\s?%)");
  static const std::regex count_en(
      R"(\d[\d,]*\s+(people|students|victims|cases|minors|teenagers|teachers|reports))");
  static const std::regex count_ko(R"(\d[\d,]*\s?(명|건))");
  static const std::regex year(R"((19|20)\d\d)");
  if (std::regex_search(text, percent)) return true;
  return std::regex_search(text, year) &&
         (std::regex_search(text, count_en) || std::regex_search(text, count_ko));
}

bool statistic_bearing(const LocalizedText& t) {
  return statistic_bearing(t.get("ko")) || statistic_bearing(t.get("en"));
}

// A rules layer that states a criminal penalty ("징역" / "prison").
bool states_penalty(const LocalizedText& t) {
  return contains(t.get("ko"), "징역") || contains(t.get("en"), "prison");
}

}  // namespace

TEST_CASE("every scenario says who is targeted") {
  for (const auto& id : kEveryScenario) {
    CAPTURE(id);
    CHECK_FALSE(scenario(id).targeted.empty());
  }
  CHECK(scenario("the-message").player_is_targeted());
}

TEST_CASE("a skip always leads to the supportive route, never to a graded ending or a loop") {
  for (const auto& id : kEveryScenario) {
    CAPTURE(id);
    const Scenario& s = scenario(id);
    const auto paths = every_path(s, [](const Walk&) {});
    int skips = 0;
    for (const auto& p : paths) {
      const Outcome o = p.ending->as<EndingBody>().outcome;
      if (!p.skipped) {
        CHECK(o != Outcome::Skipped);  // the skip route is only for those who skip
        continue;
      }
      ++skips;
      CAPTURE(p.ending->id);
      CHECK_FALSE(is_unsafe_after_skip(o));
      CHECK(o == Outcome::Skipped);
      CHECK_FALSE(p.ending->as<EndingBody>().help.empty());
    }
    CHECK(skips > 0);
    // Every decision's skip_to is the route's first step and the route is short and linear.
    for (const auto& n : s.nodes) {
      if (!n.skip_to) continue;
      int steps = 0;
      int i = n.skip_to->index;
      while (!s.nodes[static_cast<std::size_t>(i)].is_ending()) {
        const Node& x = s.nodes[static_cast<std::size_t>(i)];
        REQUIRE_MESSAGE(x.next.has_value(),
                        "the skip route from " << n.id << " branches or stops at " << x.id);
        i = x.next->index;
        REQUIRE(++steps <= 4);
      }
    }
  }
}

TEST_CASE("every ending on every path lists help") {
  for (const auto& id : kEveryScenario) {
    CAPTURE(id);
    for (const auto& p : every_path(scenario(id), [](const Walk&) {})) {
      CAPTURE(p.ending->id);
      CHECK_FALSE(p.ending->as<EndingBody>().help.empty());
    }
  }
}

TEST_CASE("an ending that states a penalty for a minor target cites the youth protection law") {
  // Every targeted classmate in the shipped scenarios is under 19 (FACTS.md).
  for (const auto& id : kEveryScenario) {
    const Scenario& s = scenario(id);
    for (const auto& n : s.nodes) {
      if (!n.is_ending()) continue;
      const auto& rules = n.as<EndingBody>().rules.text;
      if (!states_penalty(rules)) continue;
      CAPTURE(id);
      CAPTURE(n.id);
      CHECK(contains(rules.get("ko"), "청소년성보호법"));
      CHECK(contains(rules.get("en"), "youth protection"));
      CHECK_FALSE(contains(rules.get("en"), "up to 7 years"));  // the adult article
      CHECK_FALSE(contains(rules.get("en"), " means "));        // "the law sets", not "means"
    }
  }
}

TEST_CASE(
    "any text that states a penalty (an excuse's answer, a fact, a rule) cites the youth law") {
  int outside_endings = 0;
  for (const auto& id : kEveryScenario) {
    for_each_text(scenario(id), [&](const std::string& where, const LocalizedText& t) {
      if (!states_penalty(t)) return;
      outside_endings += where.find("rules") == std::string::npos;
      CAPTURE(id);
      CAPTURE(where);
      CHECK(contains(t.get("ko"), "청소년성보호법"));
      CHECK(contains(t.get("en"), "youth protection"));
      CHECK_FALSE(contains(t.get("en"), "up to 7 years"));
    });
  }
  MESSAGE("penalty texts outside the endings' rules: ", outside_endings);
  CHECK(outside_endings >= 3);  // forward-excuse, make-law, possession-fact at least
}

TEST_CASE("each scenario says once how the law treats offenders under 19 and what stays") {
  for (const auto& id : {"group-chat", "just-for-fun", "the-message", "the-friend", "booster"}) {
    CAPTURE(id);
    bool said = false;
    for_each_text(scenario(id), [&](const std::string&, const LocalizedText& t) {
      said =
          said || (contains(t.get("ko"), "소년법") && contains(t.get("ko"), "기록") &&
                   contains(t.get("en"), "protective measures") && contains(t.get("en"), "record"));
    });
    CHECK(said);
  }
}

TEST_CASE("each scenario says even a real image shared without consent is not the person's fault") {
  for (const auto& id : kEveryScenario) {
    CAPTURE(id);
    bool said = false;
    for_each_text(scenario(id), [&](const std::string&, const LocalizedText& t) {
      const std::string& ko = t.get("ko");
      const std::string& en = t.get("en");
      said = said || ((contains(ko, "진짜") && (contains(ko, "잘못") || contains(ko, "탓"))) &&
                      (contains(en, "real") && contains(en, "fault")));
    });
    CHECK(said);
  }
}

TEST_CASE("every statistic carries a source") {
  CHECK(statistic_bearing(std::string("877 victims by 18 October 2024")));
  CHECK(statistic_bearing(std::string("54.8%가 장난이라고")));
  CHECK_FALSE(statistic_bearing(std::string("her cram-school chat, 18 people")));
  for (const auto& id : kEveryScenario) {
    const Scenario& s = scenario(id);
    for (const auto& n : s.nodes) {
      CAPTURE(id);
      CAPTURE(n.id);
      switch (n.kind) {
        case NodeKind::Fact: break;  // a fact always has a source (the checker)
        case NodeKind::Excuse:
          if (statistic_bearing(n.as<ExcuseBody>().answer))
            CHECK_FALSE(n.as<ExcuseBody>().source.empty());
          break;
        case NodeKind::Thought:
          if (statistic_bearing(n.as<ThoughtBody>().answer))
            CHECK_FALSE(n.as<ThoughtBody>().source.empty());
          break;
        case NodeKind::Ending: {
          const auto& e = n.as<EndingBody>();
          for (const DebriefLayer* l : {&e.targeted, &e.around, &e.rules}) {
            if (statistic_bearing(l->text)) CHECK_FALSE(l->sources.empty());
          }
          if (statistic_bearing(e.text))
            CHECK_MESSAGE(false, "an ending's own text has no place for a source");
          break;
        }
        default:
          // Narration, chats and the rest have no source field: a statistic belongs on a card.
          for_each_node_text(n, [&](const std::string& key, const LocalizedText& t) {
            CAPTURE(key);
            CHECK_FALSE(statistic_bearing(t));
          });
      }
    }
  }
}

TEST_CASE("the ripple never counts more people than could have seen it") {
  for (const auto& id : kEveryScenario) {
    CAPTURE(id);
    const Scenario& s = scenario(id);
    const std::int64_t bound = audience(s);
    int ripples = 0;
    every_path(s, [&](const Walk& w) {
      const Node& n = w.runner.node();
      for (const auto& [var, value] : w.raw) {
        const Variable* v = nullptr;
        for (const auto& x : s.variables) {
          if (x.id == var) v = &x;
        }
        if (v == nullptr || v->type != VariableType::Counter) continue;
        CAPTURE(n.id);
        CAPTURE(var);
        CHECK(value <= bound);
        // Every counter declares who could see it as its max (the chats it can reach); the
        // raw sum on every path stays within it, so the runner's clamp never hides a larger
        // sum (the review's "45 viewers in a 31-person chat").
        REQUIRE(v->max);
        CHECK(*v->max <= bound);
        CHECK(value <= *v->max);
      }
      if (n.kind == NodeKind::Ripple) ++ripples;
    });
    CHECK(ripples > 0);
  }
}

TEST_CASE("every path that is played, not skipped, shows how far the image went") {
  for (const auto& id : kEveryScenario) {
    CAPTURE(id);
    const Scenario& s = scenario(id);
    for (const auto& p : every_path(s, [](const Walk&) {})) {
      if (p.skipped) continue;
      const bool ripple = std::any_of(p.nodes.begin(), p.nodes.end(), [&](const std::string& node) {
        return std::any_of(s.nodes.begin(), s.nodes.end(), [&](const Node& n) {
          return n.id == node && n.kind == NodeKind::Ripple;
        });
      });
      CAPTURE(p.ending->id);
      CHECK(ripple);
    }
  }
}

TEST_CASE("a story whose player is targeted never grades the player") {
  for (const auto& id : kEveryScenario) {
    const Scenario& s = scenario(id);
    if (!s.player_is_targeted()) continue;
    std::set<Outcome> seen;
    for (const auto& n : s.nodes) {
      if (!n.is_ending()) continue;
      const Outcome o = n.as<EndingBody>().outcome;
      CAPTURE(id);
      CAPTURE(n.id);
      CHECK((is_supported_family(o) || o == Outcome::Skipped));
      seen.insert(o);
      // No "next time" advice to the person targeted.
      for_each_node_text(n, [&](const std::string&, const LocalizedText& t) {
        CHECK_FALSE(contains(t.get("en"), "Next time"));
        CHECK_FALSE(contains(t.get("en"), "next time"));
        CHECK_FALSE(contains(t.get("ko"), "다음엔"));
        CHECK_FALSE(contains(t.get("ko"), "다음에는"));
      });
    }
    CHECK(seen.count(Outcome::Supported) == 1);
    CHECK(seen.count(Outcome::PartlySupported) == 1);
    CHECK(seen.count(Outcome::NotYetSupported) == 1);
  }
}

TEST_CASE("a targeted person's or a supporter's thoughts are thought cards, never excuses") {
  for (const auto& id : kEveryScenario) {
    const Scenario& s = scenario(id);
    for (const auto& n : s.nodes) {
      if (n.kind != NodeKind::Excuse) continue;
      CAPTURE(id);
      CAPTURE(n.id);
      const auto& speaker = n.as<ExcuseBody>().speaker;
      CHECK_FALSE((!speaker.id.empty() && s.is_targeted(speaker.id)));
    }
  }
  const auto kind_of = [](const std::string& scenario_id, const std::string& node_id) {
    for (const auto& n : scenario(scenario_id).nodes) {
      if (n.id == node_id) return n.kind;
    }
    return NodeKind::Narration;
  };
  CHECK(kind_of("the-message", "fault-thought") == NodeKind::Thought);
  CHECK(kind_of("the-message", "pay-thought") == NodeKind::Thought);
  CHECK(kind_of("the-message", "alone-thought") == NodeKind::Thought);
  CHECK(kind_of("the-friend", "secret-thought") == NodeKind::Thought);
  CHECK(kind_of("group-chat", "frozen-thought") == NodeKind::Thought);
}
