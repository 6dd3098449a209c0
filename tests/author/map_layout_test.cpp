// The map as data: layers by distance from the start, edges for every exit, endings with
// their outcome, problems per node, unreachable nodes after the story.
#include <doctest/doctest.h>

#include <set>

#include "author_test_support.hpp"
#include "upstander/author/map_layout.hpp"

using namespace upstander;
using namespace upstander::author;

namespace {

Node narration(const std::string& id) {
  Node n;
  n.id = id;
  n.body = NarrationBody{};
  return n;
}

Node ending(const std::string& id, Outcome o) {
  Node n;
  n.id = id;
  n.kind = NodeKind::Ending;
  EndingBody b;
  b.outcome = o;
  n.body = b;
  return n;
}

Choice to(const std::string& id, const std::string& target) {
  return Choice{id, {}, IdRef{target, {}, -1}, {}, {}, {}};
}

}  // namespace

TEST_CASE("nodes sit in layers by distance from the start; unreachable ones come after") {
  Scenario s;
  s.start.id = "a";
  Node a = narration("a");
  a.choices = {to("x", "b"), to("y", "c")};
  a.skip_to = IdRef{"good", {}, -1};
  Node b = narration("b");
  b.next = IdRef{"good", {}, -1};
  Node c = narration("c");
  c.route = {Route{std::nullopt, IdRef{"bad", {}, -1}, {}}};
  Node lost = narration("lost");
  lost.next = IdRef{"nowhere", {}, -1};
  s.nodes = {a, b, c, ending("good", Outcome::Upstander), ending("bad", Outcome::Harm), lost};

  std::map<std::string, NodeProblems> problems{{"lost", {1, 0}}};
  const MapLayout m = layout_map(s, problems);
  REQUIRE(m.nodes.size() == 6);
  CHECK(m.find("a")->layer == 0);
  CHECK(m.find("a")->is_start);
  CHECK(m.find("b")->layer == 1);
  CHECK(m.find("c")->layer == 1);
  // A skip is a shortcut: it does not pull "good" next to the start.
  CHECK(m.find("good")->layer == 2);
  CHECK(m.find("bad")->layer == 2);
  CHECK(m.find("good")->outcome == Outcome::Upstander);
  CHECK(m.find("bad")->outcome == Outcome::Harm);
  CHECK_FALSE(m.find("b")->outcome.has_value());
  CHECK_FALSE(m.find("lost")->reachable);
  CHECK(m.find("lost")->layer == 3);
  CHECK(m.find("lost")->problems.errors == 1);
  // Columns left to right, nodes in a column do not overlap.
  CHECK(m.find("b")->x > m.find("a")->x);
  CHECK(m.find("b")->y != m.find("c")->y);
  CHECK(m.width > 0);
  CHECK(m.height > 0);

  std::multiset<std::pair<std::string, int>> kinds;
  for (const auto& e : m.edges) kinds.emplace(e.from + ">" + e.to, static_cast<int>(e.kind));
  CHECK(kinds.count({"a>b", static_cast<int>(EdgeKind::Choice)}) == 1);
  CHECK(kinds.count({"a>good", static_cast<int>(EdgeKind::Skip)}) == 1);
  CHECK(kinds.count({"c>bad", static_cast<int>(EdgeKind::Route)}) == 1);
  bool dangling = false;
  for (const auto& e : m.edges) dangling = dangling || (e.to == "nowhere" && e.dangling);
  CHECK(dangling);
}

TEST_CASE("every shipped scenario lays out with all nodes reachable and no two nodes on one spot") {
  for (const auto& path : test::shipped_scenario_paths()) {
    CAPTURE(path);
    const Scenario s = test::load_scenario(path);
    const MapLayout m = layout_map(s);
    REQUIRE(m.nodes.size() == s.nodes.size());
    std::set<std::pair<double, double>> spots;
    for (const auto& n : m.nodes) {
      CHECK(n.reachable);
      spots.emplace(n.x, n.y);
    }
    CHECK(spots.size() == m.nodes.size());
  }
}

TEST_CASE("the layout is deterministic") {
  const Scenario s = test::load_scenario(test::source_path("content/scenarios/group-chat.json"));
  const MapLayout a = layout_map(s), b = layout_map(s);
  for (std::size_t i = 0; i < a.nodes.size(); ++i) {
    CHECK(a.nodes[i].x == b.nodes[i].x);
    CHECK(a.nodes[i].y == b.nodes[i].y);
  }
}
