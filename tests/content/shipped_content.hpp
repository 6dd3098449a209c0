// The shipped content/ folder, loaded once through the engine, and graph helpers for the
// content tests: what a student can reach by continuing, choosing or skipping a decision.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "upstander/content_library.hpp"
#include "upstander/scenario.hpp"

namespace upstander::content_test {

// The four classroom scenarios of issue 4; the booster has its own, shorter minimums.
inline const std::vector<std::string> kClassroom = {"group-chat", "just-for-fun", "the-message",
                                                    "the-friend"};
inline const std::vector<std::string> kAllScenarios = {"group-chat", "just-for-fun", "the-message",
                                                       "the-friend", "booster"};

inline std::string source_path(const std::string& relative) {
  return std::string(UPSTANDER_SOURCE_DIR) + "/" + relative;
}

inline std::string read_text_file(const std::string& relative) {
  std::ifstream in(source_path(relative), std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::string render(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d.all()) out += format_text(x);
  return out;
}

inline const ContentLibrary& library() {
  static const ContentLibrary lib = ContentLibrary::load({source_path("content")});
  return lib;
}

inline const Scenario& scenario(const std::string& id) {
  const Scenario* s = library().find_scenario(id);
  REQUIRE_MESSAGE(s != nullptr, "scenario " << id << " is missing or has errors:\n"
                                            << render(library().diagnostics()));
  return *s;
}

inline int index_of(const IdRef& ref) {
  return ref.index;
}

// Where a student can go from `n` without choosing: "next" and every route branch.
inline std::vector<int> linear_successors(const Node& n) {
  std::vector<int> out;
  if (n.next) out.push_back(index_of(*n.next));
  for (const auto& r : n.route) out.push_back(index_of(r.to));
  return out;
}

// Every move: continuing, any choice (conditions ignored, so this over-approximates) and a
// decision's skip_to.
inline std::vector<int> all_successors(const Node& n) {
  std::vector<int> out = linear_successors(n);
  for (const auto& c : n.choices) out.push_back(index_of(c.to));
  if (n.skip_to) out.push_back(index_of(*n.skip_to));
  return out;
}

// True when some ending of the story can be reached from the start without entering a node
// for which `blocked` holds. Conditions are ignored, so "false" proves every path passes a
// blocked node. The skip route's ending ("skipped") is a safety exit, not an ending of the
// story: a student who skips is not owed the story's moments.
inline bool ending_reachable_avoiding(const Scenario& s,
                                      const std::function<bool(const Node&)>& blocked) {
  std::vector<bool> seen(s.nodes.size(), false);
  std::vector<int> stack{index_of(s.start)};
  while (!stack.empty()) {
    const int i = stack.back();
    stack.pop_back();
    if (i < 0 || seen[static_cast<std::size_t>(i)]) continue;
    seen[static_cast<std::size_t>(i)] = true;
    const Node& n = s.nodes[static_cast<std::size_t>(i)];
    if (blocked(n)) continue;
    if (n.is_ending()) {
      if (n.as<EndingBody>().outcome != Outcome::Skipped) return true;
      continue;
    }
    for (int next : all_successors(n)) stack.push_back(next);
  }
  return false;
}

// True when every way on from node `from` by continuing only (all route branches) meets a
// node satisfying `wanted` before the next decision point or ending.
inline bool every_linear_path_meets(const Scenario& s, int from,
                                    const std::function<bool(const Node&)>& wanted) {
  std::vector<int> stack{from};
  std::vector<bool> seen(s.nodes.size(), false);
  while (!stack.empty()) {
    const int i = stack.back();
    stack.pop_back();
    if (i < 0) return false;
    if (seen[static_cast<std::size_t>(i)]) continue;
    seen[static_cast<std::size_t>(i)] = true;
    const Node& n = s.nodes[static_cast<std::size_t>(i)];
    if (wanted(n)) continue;
    if (n.is_ending() || n.is_decision()) return false;
    for (int next : linear_successors(n)) stack.push_back(next);
  }
  return true;
}

}  // namespace upstander::content_test
