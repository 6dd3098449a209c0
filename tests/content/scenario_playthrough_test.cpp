// Scripted playthroughs of the shipped scenarios: the choices a student makes decide the
// ending through the routes, and the story's counters and phones change as written.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "shipped_content.hpp"
#include "upstander/runner.hpp"

using namespace upstander;
using namespace upstander::content_test;

namespace {

struct Playthrough {
  std::string ending;
  std::vector<std::string> visited;       // node ids in order
  std::vector<std::string> perspectives;  // whose phone, on each node
  std::map<std::string, std::int64_t> end_values;
};

// Takes `choices` at the decision points in order, answers every question (first option, or 4
// on a scale) and continues everywhere else.
Playthrough play(const std::string& id, const std::vector<std::string>& choices) {
  const Scenario& s = scenario(id);
  Runner r(s);
  r.start();
  Playthrough p;
  std::size_t next = 0;
  for (int step = 0; step < 1000 && !r.at_ending(); ++step) {
    const Node& n = r.node();
    p.visited.push_back(n.id);
    p.perspectives.push_back(r.perspective());
    if (n.is_decision()) {
      REQUIRE_MESSAGE(next < choices.size(), "no scripted choice left at " << n.id);
      REQUIRE_MESSAGE(r.choose(choices[next]) == StepResult::Ok,
                      "cannot choose " << choices[next] << " at " << n.id);
      ++next;
      continue;
    }
    if (n.kind == NodeKind::Reflection) {
      const auto& q = n.as<ReflectionBody>();
      REQUIRE((q.options.empty() ? r.answer_scale(4) : r.answer(q.options.front().id)) ==
              StepResult::Ok);
    }
    REQUIRE(r.advance() == StepResult::Ok);
  }
  REQUIRE(r.at_ending());
  CHECK(next == choices.size());
  p.ending = r.node().id;
  p.visited.push_back(p.ending);
  for (const auto& v : s.variables) p.end_values[v.id] = r.value_of(v.id);
  return p;
}

bool visited(const Playthrough& p, const std::string& node) {
  return std::find(p.visited.begin(), p.visited.end(), node) != p.visited.end();
}

bool saw_phone_of(const Playthrough& p, const std::string& character) {
  return std::find(p.perspectives.begin(), p.perspectives.end(), character) != p.perspectives.end();
}

// The nodes strictly between `from` and `to` on the path (Haeun's evening and morning, say).
std::vector<std::string> between(const Playthrough& p, const std::string& from,
                                 const std::string& to) {
  const auto b = std::find(p.visited.begin(), p.visited.end(), from);
  const auto e = std::find(b, p.visited.end(), to);
  REQUIRE_MESSAGE(b != p.visited.end(), "never reached " << from);
  REQUIRE_MESSAGE(e != p.visited.end(), "never reached " << to << " after " << from);
  return {std::next(b), e};
}

bool contains_node(const std::vector<std::string>& nodes, const std::string& node) {
  return std::find(nodes.begin(), nodes.end(), node) != nodes.end();
}

// A node in `a` that `b` never shows.
bool has_node_missing_from(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::any_of(a.begin(), a.end(),
                     [&](const std::string& n) { return !contains_node(b, n); });
}

}  // namespace

SCENARIO("the group chat") {
  WHEN("the player calls it out, supports Haeun and tells the teacher") {
    const auto p = play("group-chat", {"call-out", "no-copy", "dm-support", "tell-teacher"});
    CHECK(p.ending == "end-upstander");
    CHECK(visited(p, "haeun-callout"));  // Haeun's phone shows the call-out
    CHECK(visited(p, "haeun-friday"));
    CHECK(saw_phone_of(p, "haeun"));
    CHECK(p.end_values.at("spread") == 30);
  }
  WHEN("the player forwards it twice and never reports") {
    const auto p = play("group-chat", {"forward", "send-yujin", "leave-alone", "wait"});
    CHECK(p.ending == "end-spread");
    CHECK(visited(p, "ripple-1"));
    CHECK(visited(p, "ripple-2"));
    CHECK(visited(p, "haeun-hears"));  // Haeun learns who sent it on
    CHECK(p.end_values.at("spread") ==
          30 + 23 + 60 + 1 + 18);  // class, club, two other-school chats, Yujin, her chat
  }
  WHEN("the player forwards it and then reports it") {
    CHECK(play("group-chat", {"forward", "ignore-yujin", "dm-support", "text-117"}).ending ==
          "end-turned");
  }
  WHEN("the player stays silent throughout") {
    const auto p = play("group-chat", {"silent", "ignore-yujin", "leave-alone", "wait"});
    CHECK(p.ending == "end-quiet");
    CHECK(visited(p, "haeun-silence"));
  }
  WHEN("the replay on Haeun's phone follows the first move through her night and morning") {
    // The same later choices, so only the first move differs (issue 15 item 17).
    const auto haeun_side = [](const std::string& first) {
      return between(play("group-chat", {first, "ignore-yujin", "leave-alone", "wait"}),
                     "haeun-sees", "scale-fact");
    };
    const auto callout = haeun_side("call-out");
    const auto laugh = haeun_side("react");
    const auto forward = haeun_side("forward");
    const auto dohyun = haeun_side("dm-dohyun");
    const auto silent = haeun_side("silent");
    const auto noted = haeun_side("note-time");
    CHECK(callout != laugh);
    CHECK(has_node_missing_from(callout, laugh));
    CHECK(has_node_missing_from(laugh, callout));
    // Speaking up helps without undoing it: strangers still write, she still stays home.
    CHECK(contains_node(callout, "haeun-dms"));
    CHECK(contains_node(callout, "haeun-morning-sided"));
    CHECK(contains_node(dohyun, "haeun-morning-sided"));
    // Laughing and forwarding add to her harm, each in its own way.
    CHECK(contains_node(laugh, "haeun-night-names"));
    CHECK(contains_node(laugh, "haeun-laugh-thought"));
    CHECK(contains_node(forward, "haeun-dms-spread"));
    CHECK(forward != laugh);
    // Silence stays ambiguous; a private note changes nothing on her phone tonight, and says so.
    CHECK(contains_node(silent, "haeun-morning"));
    CHECK_FALSE(contains_node(silent, "haeun-noted"));
    CHECK(contains_node(noted, "haeun-noted"));
    CHECK(contains_node(noted, "haeun-morning"));
  }
  WHEN("the player screenshots the photo as proof") {
    const auto p =
        play("group-chat", {"leave", "no-copy", "dm-ask", "ask-sorry", "screenshot-proof"});
    CHECK(p.ending == "end-upstander");
    CHECK(visited(p, "teacher-no-copy"));  // the teacher asks for the room and time, not the file
    CHECK(visited(p, "possession-fact"));
  }
}

SCENARIO("just for fun") {
  WHEN("the player refuses and tells a parent that night") {
    const auto p =
        play("just-for-fun", {"refuse", "hold-firm", "tell-parent", "with-mum", "sit-with"});
    CHECK(p.ending == "end-stopped");
    CHECK(p.end_values.at("spread") == 2);  // Taemin and Jiyu; it went no further
    CHECK(visited(p, "ripple-stopped"));
    CHECK(visited(p, "seoa-teacher"));
  }
  WHEN("the player chooses to make it: the game shows the consequences, not the act") {
    const auto p = play("just-for-fun", {"make-it", "say-nothing", "own-up", "apologise"});
    CHECK(p.ending == "end-owned-up");
    CHECK(visited(p, "stop-card"));
    CHECK(visited(p, "prank-excuse"));
    CHECK(visited(p, "make-law"));
    CHECK(saw_phone_of(p, "seoa"));
  }
  WHEN("the player goes along and forwards it to the class") {
    const auto p =
        play("just-for-fun", {"change-subject", "shrug", "forward-class", "promise", "apologise"});
    CHECK(p.ending == "end-spread");
    CHECK(visited(p, "seoa-sender"));  // Seoa sees who sent it
    CHECK(p.end_values.at("spread") ==
          2 + 27 + 30 + 60);  // the two, class chat, another class, other schools
  }
  WHEN("the player says 'delete it' but no adult is told") {
    const auto p =
        play("just-for-fun", {"silent", "leave-chat", "delete-demand", "promise", "keep-distance"});
    CHECK(p.ending == "end-resurfaced");
    CHECK(visited(p, "jaehyun-dm"));  // leaving the chat did not keep the image away
  }
}

SCENARIO("the message") {
  WHEN("the player keeps evidence, tells a parent and goes to the counsellor") {
    const auto p =
        play("the-message", {"save-evidence", "tell-parent", "go-private", "counsellor-alone"});
    CHECK(p.ending == "end-not-alone");
    CHECK(visited(p, "counsellor-evidence"));
    CHECK(visited(p, "juwon-phone"));  // the spread is the account's doing, the same on every path
    CHECK(p.end_values.at("seen") == 12 + 20);
    CHECK(visited(p, "helped-report"));  // telling an adult is shown as something that helps
    CHECK(saw_phone_of(p, "nari"));
  }
  WHEN("the player pays and tells no one") {
    const auto p = play("the-message", {"pay", "tell-no-one", "pay-more", "hide"});
    CHECK(p.ending == "end-alone");
    CHECK(visited(p, "pay-thought"));
    CHECK(saw_phone_of(p, "juwon"));
    CHECK(p.end_values.at("seen") == 12 + 20);
    CHECK(visited(p, "helped-juwon"));  // nothing the player did or did not do caused it
  }
  WHEN("the player pays but then tells a parent") {
    CHECK(play("the-message", {"pay", "tell-parent", "beg-time", "counsellor-alone"}).ending ==
          "end-help-came");
  }
  WHEN("the player tells a friend and reports the account in the app, but no adult") {
    const auto p = play("the-message", {"reply-plead", "tell-friend", "report-app", "hide"});
    CHECK(p.ending == "end-friend-knows");
    CHECK(visited(p, "helped-report"));
    CHECK(p.end_values.at("seen") == 12 + 20);
  }
  WHEN("the player blocks straight away: the account comes back under a new name") {
    const auto p =
        play("the-message", {"block-now", "call-1366", "go-private", "tell-nari", "go-together"});
    CHECK(p.ending == "end-not-alone");
    CHECK(visited(p, "late-dm-new"));
    CHECK(visited(p, "counsellor-record"));
  }
}

SCENARIO("the friend") {
  WHEN("the player asks before posting, believes Yerin and goes with her to an adult") {
    const auto p =
        play("the-friend", {"ask-first", "believe", "go-adult", "push-back", "walk-with"});
    CHECK(p.ending == "end-lean-on");
    CHECK(visited(p, "post-agreed"));
    CHECK(visited(p, "yerin-trust"));  // asking first is why Yerin trusts the player
    CHECK(visited(p, "yerin-sees-pushback"));
  }
  WHEN("the player doubts, keeps the secret and sends the link") {
    const auto p = play("the-friend", {"post-now", "see-it", "say-nothing-more", "keep-secret",
                                       "forward-link", "tough-it-out"});
    CHECK(p.ending == "end-alone");
    CHECK(visited(p, "see-excuse"));
    CHECK(visited(p, "ripple"));
    CHECK(visited(p, "yerin-sees-link"));
  }
  WHEN("the player sends the link but also brings in an adult") {
    const auto p = play("the-friend", {"dont-post", "doubt", "say-believe", "evidence",
                                       "forward-link", "adult-now"});
    CHECK(p.ending == "end-link");
    CHECK(visited(p, "evidence-helps"));
  }
  WHEN("the player supports Yerin but no adult is told") {
    CHECK(play("the-friend",
               {"ask-first", "minimise", "say-believe", "confront", "stay-quiet", "walk-with"})
              .ending == "end-friend-only");
  }
  WHEN("the player reports the class chat to a teacher") {
    CHECK(play("the-friend", {"ask-first", "believe", "keep-secret", "report-chat", "tough-it-out"})
              .ending == "end-lean-on");
  }
}

SCENARIO("the booster") {
  WHEN("the player reports the link unopened and tells Jimin gently") {
    const auto p = play("booster", {"report", "tell-jimin"});
    CHECK(p.ending == "end-upstander");
    CHECK(visited(p, "school-notice"));
  }
  WHEN("the player opens it 'to check': the game closes it before it loads") {
    const auto p = play("booster", {"peek", "say-nothing"});
    CHECK(p.ending == "end-quiet");
    CHECK(visited(p, "check-excuse"));
    CHECK(visited(p, "jimin-stranger"));
  }
  WHEN("the player shares the link as a warning and sends it to Jimin") {
    const auto p = play("booster", {"forward-warning", "send-link"});
    CHECK(p.ending == "end-spread");
    CHECK(p.end_values.at("spread") == 6 + 20 + 1);  // six friends, another chat, Jimin
  }
  WHEN("the player shares the link but tells a teacher") {
    CHECK(play("booster", {"forward-warning", "tell-teacher"}).ending == "end-both");
  }
}
