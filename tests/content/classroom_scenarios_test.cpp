// The classroom scenarios meet the minimums of issue 4: decision points, endings of every
// outcome, perspective switches, excuse cards, ripples after forwarding, reflections before
// endings, sourced facts, three-layer debriefs with help, and both languages.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "shipped_content.hpp"
#include "upstander/node_fields.hpp"
#include "upstander/reading_length.hpp"
#include "upstander/scenario_stats.hpp"
#include "upstander/scenario_text.hpp"
#include "upstander/utf8.hpp"

using namespace upstander;
using namespace upstander::content_test;

namespace {

bool is_http_url(const std::string& s) {
  return s.rfind("https://", 0) == 0 || s.rfind("http://", 0) == 0;
}

bool has_hangul(const std::string& text) {
  for (const auto& cp : utf8::split_code_points(text)) {
    // Hangul syllables U+AC00-U+D7A3 are encoded as EA B0 80 .. ED 9E A3.
    const auto lead = static_cast<unsigned char>(cp[0]);
    if (cp.size() == 3 && lead >= 0xEA && lead <= 0xED) return true;
  }
  return false;
}

// A choice that sends an image or link on: it adds to a counter, or its id says "forward".
bool spreads(const Choice& c) {
  if (c.id.find("forward") != std::string::npos) return true;
  return std::any_of(c.effects.begin(), c.effects.end(),
                     [](const Effect& e) { return e.kind == Effect::Kind::Add && e.value > 0; });
}

bool shows_other_phone(const Scenario& s, const Node& n) {
  return n.kind == NodeKind::Perspective && n.as<PerspectiveBody>().character.id != s.player.id;
}

}  // namespace

TEST_CASE("every shipped scenario loads without errors or warnings") {
  const auto& lib = library();
  for (const auto& id : kAllScenarios) {
    CAPTURE(id);
    const ContentFile* f = lib.file_of_scenario(id);
    REQUIRE(f != nullptr);
    CHECK_MESSAGE(f->errors == 0, render(lib.diagnostics()));
    CHECK_MESSAGE(f->warnings == 0, render(lib.diagnostics()));
  }
}

TEST_CASE("classroom scenarios meet the minimums in their stats") {
  for (const auto& id : kClassroom) {
    CAPTURE(id);
    const ScenarioStats st = compute_stats(scenario(id));
    CHECK(st.decision_points >= 4);
    CHECK(st.endings >= 3);
    if (scenario(id).player_is_targeted()) {
      // The person targeted is never graded (issue 14): supported / partly / not yet.
      CHECK(st.endings_by_outcome.count("supported") >= 1);
      CHECK(st.endings_by_outcome.count("partly_supported") == 1);
      CHECK(st.endings_by_outcome.count("not_yet_supported") == 1);
      CHECK(st.thought_cards >= 2);
    } else {
      CHECK(st.endings_by_outcome.count("upstander") == 1);
      CHECK(st.endings_by_outcome.count("harm") == 1);
      CHECK(st.endings_by_outcome.count("mixed") == 1);
      CHECK(st.excuse_cards >= 2);
    }
    CHECK(st.perspective_switches >= 1);
    CHECK(st.fact_cards >= 1);
    CHECK(st.reflections >= 2);
    CHECK(st.shortest_path_choices >= 3);
  }
}

TEST_CASE("declared minutes fit the class period and the estimated reading time covers them") {
  for (const auto& id : kAllScenarios) {
    CAPTURE(id);
    const Scenario& s = scenario(id);
    const ScenarioStats st = compute_stats(s);
    if (id == "booster") {
      CHECK(s.minutes >= 4);
      CHECK(s.minutes <= 6);
    } else {
      CHECK(s.minutes >= 8);
      CHECK(s.minutes <= 12);
    }
    double shortest = 1e9, longest = 0;
    for (const auto& [locale, m] : st.minutes_shortest) shortest = std::min(shortest, m);
    for (const auto& [locale, m] : st.minutes_longest) longest = std::max(longest, m);
    CHECK(shortest <= s.minutes);
    CHECK(longest >= s.minutes);
  }
}

TEST_CASE("every decision point can be skipped") {
  for (const auto& id : kAllScenarios) {
    const Scenario& s = scenario(id);
    for (const auto& n : s.nodes) {
      if (!n.is_decision()) continue;
      CAPTURE(id);
      CAPTURE(n.id);
      CHECK(n.skip_to.has_value());
      CHECK(n.choices.size() >= 2);
    }
  }
}

TEST_CASE("every path to an ending shows the moment on another person's phone") {
  for (const auto& id : kAllScenarios) {
    CAPTURE(id);
    const Scenario& s = scenario(id);
    CHECK_FALSE(
        ending_reachable_avoiding(s, [&](const Node& n) { return shows_other_phone(s, n); }));
  }
}

TEST_CASE("every forward leads to a ripple and an excuse card before the next decision") {
  for (const auto& id : kAllScenarios) {
    const Scenario& s = scenario(id);
    for (const auto& n : s.nodes) {
      for (const auto& c : n.choices) {
        if (!spreads(c)) continue;
        CAPTURE(id);
        CAPTURE(n.id);
        CAPTURE(c.id);
        CHECK(every_linear_path_meets(s, c.to.index,
                                      [](const Node& x) { return x.kind == NodeKind::Ripple; }));
        CHECK(every_linear_path_meets(s, c.to.index,
                                      [](const Node& x) { return x.kind == NodeKind::Excuse; }));
      }
    }
  }
}

TEST_CASE("a ripple shows the counter that forwarding increases") {
  for (const auto& id : kAllScenarios) {
    const Scenario& s = scenario(id);
    std::set<std::string> shown;
    for (const auto& n : s.nodes) {
      if (n.kind == NodeKind::Ripple) shown.insert(n.as<RippleBody>().counter.id);
    }
    for (const auto& n : s.nodes) {
      for (const auto& c : n.choices) {
        for (const auto& e : c.effects) {
          if (e.kind != Effect::Kind::Add || e.value <= 0) continue;
          CAPTURE(id);
          CAPTURE(c.id);
          CHECK(shown.count(e.var.id) == 1);
        }
      }
    }
  }
}

TEST_CASE("a question with options and a 1-5 scale come before every ending") {
  for (const auto& id : kAllScenarios) {
    CAPTURE(id);
    const Scenario& s = scenario(id);
    CHECK_FALSE(ending_reachable_avoiding(s, [](const Node& n) {
      return n.kind == NodeKind::Reflection && !n.as<ReflectionBody>().options.empty();
    }));
    CHECK_FALSE(ending_reachable_avoiding(s, [](const Node& n) {
      return n.kind == NodeKind::Reflection && n.as<ReflectionBody>().scale.has_value();
    }));
  }
}

TEST_CASE("every ending has a three-layer debrief with sourced rules and points to help") {
  for (const auto& id : kAllScenarios) {
    const Scenario& s = scenario(id);
    for (const auto& n : s.nodes) {
      if (!n.is_ending()) continue;
      CAPTURE(id);
      CAPTURE(n.id);
      const auto& e = n.as<EndingBody>();
      for (const DebriefLayer* layer : {&e.targeted, &e.around, &e.rules}) {
        CHECK_FALSE(layer->text.get("ko").empty());
        CHECK_FALSE(layer->text.get("en").empty());
        for (const auto& src : layer->sources) CHECK(is_http_url(src));
      }
      CHECK_FALSE(e.rules.sources.empty());
      CHECK_FALSE(e.help.empty());
    }
  }
}

TEST_CASE("every fact card cites an http(s) source") {
  for (const auto& id : kAllScenarios) {
    const Scenario& s = scenario(id);
    for (const auto& n : s.nodes) {
      if (n.kind != NodeKind::Fact) continue;
      CAPTURE(id);
      CAPTURE(n.id);
      CHECK(is_http_url(n.as<FactBody>().source));
    }
  }
}

TEST_CASE("scenarios are written in Korean and English") {
  for (const auto& id : kAllScenarios) {
    const Scenario& s = scenario(id);
    CAPTURE(id);
    CHECK(std::find(s.locales.begin(), s.locales.end(), "ko") != s.locales.end());
    CHECK(std::find(s.locales.begin(), s.locales.end(), "en") != s.locales.end());
    for_each_text(s, [&](const std::string& key, const LocalizedText& t) {
      CAPTURE(key);
      const std::string& ko = t.get("ko");
      const std::string& en = t.get("en");
      CHECK_FALSE(ko.empty());
      CHECK_FALSE(en.empty());
      // Anything longer than a name or an app label must really be in Korean on the ko side.
      if (reading_units(en) > 3) CHECK(has_hangul(ko));
    });
  }
}

TEST_CASE("images are labelled as not shown") {
  // Every image the story treats as abusive says on its card that it is not shown.
  std::set<NodeKind> kinds_checked;
  for (const auto& id : kAllScenarios) {
    const Scenario& s = scenario(id);
    auto check_card = [&](const ImageCard& img) {
      const std::string& en = img.label.get("en");
      if (en.find("fake") == std::string::npos) return;
      CAPTURE(id);
      CAPTURE(en);
      CHECK((en.find("[not shown]") != std::string::npos ||
             en.find("[not opened]") != std::string::npos));
    };
    // Every image field the table lists, in every kind (feed posts' too, which a list of
    // kinds written here once left out).
    for (const auto& n : s.nodes) {
      auto check = [&](const ImageCard& img) {
        check_card(img);
        kinds_checked.insert(n.kind);
      };
      bind_node_fields(n.body, [&](std::string_view, const auto& member) {
        using M = std::remove_cvref_t<decltype(member)>;
        if constexpr (std::is_same_v<M, ImageCard>) {
          check(member);
        } else if constexpr (std::is_same_v<M, std::optional<ImageCard>>) {
          if (member) check(*member);
        } else if constexpr (std::is_same_v<M, std::vector<ChatMessage>>) {
          for (const auto& m : member) {
            if (m.image) check(*m.image);
          }
        }
      });
    }
  }
  CHECK(kinds_checked.count(NodeKind::FeedPost) == 1);
  CHECK(kinds_checked.count(NodeKind::Chat) == 1);
}

TEST_CASE("every ending of the message tells the student it is not their fault") {
  const Scenario& s = scenario("the-message");
  for (const auto& n : s.nodes) {
    if (!n.is_ending()) continue;
    CAPTURE(n.id);
    const auto& e = n.as<EndingBody>();
    std::string ko = e.text.get("ko"), en = e.text.get("en");
    for (const DebriefLayer* layer : {&e.targeted, &e.around, &e.rules}) {
      ko += layer->text.get("ko");
      en += layer->text.get("en");
    }
    CHECK(ko.find("잘못") != std::string::npos);
    CHECK(en.find("fault") != std::string::npos);
  }
}

TEST_CASE("the friend includes a share that is fine: a photo posted with everyone's permission") {
  const Scenario& s = scenario("the-friend");
  const Node* post = s.find_node("post-agreed");
  REQUIRE(post != nullptr);
  CHECK(post->kind == NodeKind::FeedPost);
  const Node* ask = s.find_node("d1");
  REQUIRE(ask != nullptr);
  const auto it = std::find_if(ask->choices.begin(), ask->choices.end(),
                               [](const Choice& c) { return c.id == "ask-first"; });
  REQUIRE(it != ask->choices.end());
  // Asking first is not treated as spreading: no ripple counter goes up.
  CHECK_FALSE(spreads(*it));
}

// Issue 14: a skip is a safety exit. Every skip in the shipped stories leads to the
// supportive route, whatever is chosen after it (the validator's skip-reaches-harm checks
// harm and mixed; this also asks that the route really ends as "skipped").
TEST_CASE("every skip leads to the supportive route, which ends as skipped") {
  for (const auto& id : kAllScenarios) {
    CAPTURE(id);
    const Scenario& s = scenario(id);
    for (const auto& n : s.nodes) {
      if (!n.skip_to) continue;
      CAPTURE(n.id);
      std::vector<bool> seen(s.nodes.size(), false);
      std::vector<int> stack{index_of(*n.skip_to)};
      while (!stack.empty()) {
        const int i = stack.back();
        stack.pop_back();
        if (i < 0 || seen[static_cast<std::size_t>(i)]) continue;
        seen[static_cast<std::size_t>(i)] = true;
        const Node& x = s.nodes[static_cast<std::size_t>(i)];
        if (x.is_ending()) CHECK(x.as<EndingBody>().outcome == Outcome::Skipped);
        for (int next : all_successors(x)) stack.push_back(next);
      }
    }
  }
}

// Issue 14: who is targeted decides which cards and outcomes a story may use, so every
// shipped story says it. (Fails until content-text adds "targeted" to the shipped files.)
TEST_CASE("every shipped scenario says who is targeted") {
  for (const auto& id : kAllScenarios) {
    CAPTURE(id);
    CHECK_FALSE(scenario(id).targeted.empty());
  }
}
