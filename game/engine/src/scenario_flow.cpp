// Graph and state-space checks of a linked scenario.
#include "upstander/scenario_flow.hpp"

#include <algorithm>
#include <deque>

#include "upstander/diagnostic_codes.hpp"
#include "upstander/pointer_index.hpp"
#include "upstander/state_search.hpp"

namespace upstander {

namespace {

std::vector<std::vector<int>> successors(const Scenario& s) {
  std::vector<std::vector<int>> out(s.nodes.size());
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    const Node& n = s.nodes[i];
    if (n.next && n.next->index >= 0) out[i].push_back(n.next->index);
    for (const auto& r : n.route) {
      if (r.to.index >= 0) out[i].push_back(r.to.index);
    }
    for (const auto& c : n.choices) {
      if (c.to.index >= 0) out[i].push_back(c.to.index);
    }
    // "Skip this scene" is a way through the story like any other (SAFETY.md).
    if (n.skip_to && n.skip_to->index >= 0 && !n.choices.empty())
      out[i].push_back(n.skip_to->index);
  }
  return out;
}

// The moves of a student who skips every scene they can: a decision with "skip_to" only
// skips; a decision without one still has to be chosen.
std::vector<std::vector<int>> skipping_successors(const Scenario& s,
                                                  const std::vector<std::vector<int>>& all) {
  std::vector<std::vector<int>> out = all;
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    const Node& n = s.nodes[i];
    if (n.skip_to && n.skip_to->index >= 0 && !n.choices.empty()) out[i] = {n.skip_to->index};
  }
  return out;
}

std::vector<bool> reachable_from(int start, const std::vector<std::vector<int>>& edges) {
  std::vector<bool> seen(edges.size(), false);
  if (start < 0) return seen;
  std::deque<int> queue{start};
  seen[static_cast<std::size_t>(start)] = true;
  while (!queue.empty()) {
    const int n = queue.front();
    queue.pop_front();
    for (int m : edges[static_cast<std::size_t>(n)]) {
      if (!seen[static_cast<std::size_t>(m)]) {
        seen[static_cast<std::size_t>(m)] = true;
        queue.push_back(m);
      }
    }
  }
  return seen;
}

std::vector<bool> can_reach_ending(const Scenario& s, const std::vector<std::vector<int>>& edges) {
  std::vector<std::vector<int>> reverse(edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    for (int m : edges[i]) reverse[static_cast<std::size_t>(m)].push_back(static_cast<int>(i));
  }
  std::vector<bool> ok(edges.size(), false);
  std::deque<int> queue;
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    if (s.nodes[i].is_ending()) {
      ok[i] = true;
      queue.push_back(static_cast<int>(i));
    }
  }
  while (!queue.empty()) {
    const int n = queue.front();
    queue.pop_front();
    for (int p : reverse[static_cast<std::size_t>(n)]) {
      if (!ok[static_cast<std::size_t>(p)]) {
        ok[static_cast<std::size_t>(p)] = true;
        queue.push_back(p);
      }
    }
  }
  return ok;
}

class FlowChecker {
 public:
  FlowChecker(const Scenario& s, const SourceText& source, Diagnostics& out,
              const FlowLimits& limits)
      : s_(s), source_(source), out_(out), limits_(limits), pointers_(source) {}

  void run() {
    if (s_.start.index < 0 || s_.nodes.empty()) return;
    const auto edges = successors(s_);
    reachable_ = reachable_from(s_.start.index, edges);
    report_unreachable();
    report_dead_regions(edges);
    report_skips();
    report_unsafe_skips(edges);
    report_skip_loops(edges);
    report_with_conditions();
  }

 private:
  void report(const Node& n, std::string_view code, Severity sev, std::string msg,
              std::string fix) {
    out_.report(source_, n.loc.offset, sev, code, pointers_.at(n.loc), std::move(msg),
                std::move(fix));
  }

  void report_unreachable() {
    for (std::size_t i = 0; i < s_.nodes.size(); ++i) {
      if (reachable_[i]) continue;
      const Node& n = s_.nodes[i];
      if (n.is_ending()) {
        report(n, codes::kUnreachableEnding, Severity::Error,
               "no path from the start node \"" + s_.start.id + "\" leads to the ending \"" + n.id +
                   "\"",
               "link to it from a choice (\"to\": \"" + n.id + "\") or a \"next\", or remove it");
      } else {
        report(n, codes::kUnreachableNode, Severity::Warning,
               "no path from the start node \"" + s_.start.id + "\" leads to \"" + n.id + "\"",
               "link to it from a choice or a \"next\", or remove it");
      }
    }
  }

  // A node that is reachable but from which no ending can be reached is inside a loop (or a
  // chain) with no way out. Report where the student walks into that region, which is where
  // the author has to add an exit, rather than every node of it.
  void report_dead_regions(const std::vector<std::vector<int>>& edges) {
    const std::vector<bool> ok = can_reach_ending(s_, edges);
    std::vector<bool> is_entry(s_.nodes.size(), false);
    if (!ok[static_cast<std::size_t>(s_.start.index)])
      is_entry[static_cast<std::size_t>(s_.start.index)] = true;
    for (std::size_t i = 0; i < s_.nodes.size(); ++i) {
      if (!reachable_[i] || !ok[i]) continue;
      for (int m : edges[i]) {
        if (!ok[static_cast<std::size_t>(m)]) is_entry[static_cast<std::size_t>(m)] = true;
      }
    }
    for (std::size_t i = 0; i < s_.nodes.size(); ++i) {
      if (!is_entry[i] || !reachable_[i]) continue;
      const Node& n = s_.nodes[i];
      report(n, codes::kNoPathToEnding, Severity::Error,
             "once a student reaches \"" + n.id +
                 "\", no path leads to any ending: the scenario would loop forever",
             "give a node of this loop a choice or \"next\" that leads on to an ending");
    }
  }

  void report_skips() {
    for (std::size_t i = 0; i < s_.nodes.size(); ++i) {
      const Node& n = s_.nodes[i];
      if (!reachable_[i] || n.choices.empty() || n.skip_to) continue;
      report(
          n, codes::kDecisionWithoutSkip, Severity::Warning,
          "the decision \"" + n.id +
              "\" has no \"skip_to\", so a student who needs to skip this scene cannot",
          "add \"skip_to\": \"(node id)\" naming where the story goes on for a student who skips it");
    }
  }

  // After a skip, every way on must stay safe: no harm, mixed or not-fully-supported ending,
  // whatever the student chooses later. Reported once per skip, naming the ending and how.
  void report_unsafe_skips(const std::vector<std::vector<int>>& edges) {
    for (std::size_t i = 0; i < s_.nodes.size(); ++i) {
      const Node& n = s_.nodes[i];
      if (!reachable_[i] || n.choices.empty() || !n.skip_to || n.skip_to->index < 0) continue;
      const std::vector<int> parent = walk_with_parents(n.skip_to->index, edges);
      for (std::size_t e = 0; e < s_.nodes.size(); ++e) {
        if (parent[e] == kUnseen || !s_.nodes[e].is_ending()) continue;
        const Outcome o = s_.nodes[e].as<EndingBody>().outcome;
        if (!is_unsafe_after_skip(o)) continue;
        out_.report(
            source_, n.skip_to->loc.offset, Severity::Error, codes::kSkipReachesHarm,
            pointers_.at(n.skip_to->loc),
            "skipping \"" + n.id + "\" can lead to the ending \"" + s_.nodes[e].id +
                "\" (outcome \"" + std::string(name_of(o)) +
                "\"): " + route_text(n.id, parent, static_cast<int>(e)),
            "a skip is a safety exit: point \"skip_to\" at a short supportive route (\"here is what helps\") "
            "that ends in an ending with \"outcome\": \"skipped\"");
        break;
      }
    }
  }

  // A student who skips every scene from a skip's landing point must reach an ending.
  // Loops with no exit at all are no-path-to-ending; this is the loop only skipping makes.
  void report_skip_loops(const std::vector<std::vector<int>>& edges) {
    const auto skipping = skipping_successors(s_, edges);
    const std::vector<bool> ok = can_reach_ending(s_, edges);
    const std::vector<bool> ok_skipping = can_reach_ending(s_, skipping);
    for (std::size_t i = 0; i < s_.nodes.size(); ++i) {
      const Node& n = s_.nodes[i];
      if (!reachable_[i] || n.choices.empty() || !n.skip_to || n.skip_to->index < 0) continue;
      const auto to = static_cast<std::size_t>(n.skip_to->index);
      if (ok_skipping[to] || !ok[to]) continue;
      out_.report(
          source_, n.skip_to->loc.offset, Severity::Error, codes::kSkipLoop,
          pointers_.at(n.skip_to->loc),
          "a student who skips \"" + n.id +
              "\" and every scene after it goes round in a loop and never "
              "reaches an ending",
          "point \"skip_to\" (here or at the decision it comes back to) at a route that ends; a skip must "
          "never trap the student who needs it");
    }
  }

  static constexpr int kUnseen = -2;

  // Breadth-first from `from`; parent[n] is the node before n (-1 for `from`, kUnseen if
  // not reached).
  std::vector<int> walk_with_parents(int from, const std::vector<std::vector<int>>& edges) const {
    std::vector<int> parent(s_.nodes.size(), kUnseen);
    std::deque<int> queue{from};
    parent[static_cast<std::size_t>(from)] = -1;
    while (!queue.empty()) {
      const int n = queue.front();
      queue.pop_front();
      for (int m : edges[static_cast<std::size_t>(n)]) {
        if (parent[static_cast<std::size_t>(m)] != kUnseen) continue;
        parent[static_cast<std::size_t>(m)] = n;
        queue.push_back(m);
      }
    }
    return parent;
  }

  // "a (skip) → b → c → end" along the parents, for the message.
  std::string route_text(const std::string& skipped, const std::vector<int>& parent, int to) const {
    std::vector<int> chain;
    for (int at = to; at >= 0; at = parent[static_cast<std::size_t>(at)]) chain.push_back(at);
    std::string out = skipped + " (skip)";
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
      out += " -> " + s_.nodes[static_cast<std::size_t>(*it)].id;
    return out;
  }

  void report_with_conditions() {
    const std::size_t budget = std::max(limits_.max_states, s_.nodes.size() * 4);
    StateSearch search(s_, budget);
    if (!search.complete()) {
      out_.report(
          source_, kNoOffset, Severity::Warning, codes::kSearchIncomplete, "",
          "the scenario has more than " + std::to_string(budget) +
              " combinations of scene and variables; endings were checked without their conditions",
          "use fewer counters, or give counters a \"max\"");
    }
    for (std::size_t i = 0; i < s_.nodes.size(); ++i) {
      const Node& n = s_.nodes[i];
      const int idx = static_cast<int>(i);
      if (!reachable_[i]) continue;  // already reported without conditions
      if (search.complete() && n.is_ending() && !search.reached(idx)) {
        report(
            n, codes::kUnreachableEnding, Severity::Error,
            "the conditions on the way make the ending \"" + n.id + "\" impossible to reach",
            "check the \"if\" of the choices leading here: no sequence of choices satisfies them");
      }
      if (search.stuck(idx)) {
        const auto path = search.path_to_stuck(idx);
        report(n, codes::kStuckDecision, Severity::Error,
               "a student can reach \"" + n.id + "\" with no choice shown (" +
                   describe_path(s_, *path) + ")",
               "give one choice no \"if\", or make the conditions cover every case");
      }
      if (!search.complete() || !search.reached(idx)) continue;
      for (std::size_t c = 0; c < n.choices.size(); ++c) {
        if (search.shown(idx, static_cast<int>(c))) continue;
        const Choice& ch = n.choices[c];
        const std::uint32_t at = ch.condition && ch.condition->loc.offset != kNoOffset
                                     ? ch.condition->loc.offset
                                     : ch.loc.offset;
        out_.report(source_, at, Severity::Warning, codes::kChoiceNeverShown, pointers_.at(at),
                    "the choice \"" + ch.id +
                        "\" is never shown: its condition is false whenever a student gets here",
                    "check its \"if\" against the effects of the choices before it");
      }
    }
  }

  const Scenario& s_;
  const SourceText& source_;
  Diagnostics& out_;
  FlowLimits limits_;
  PointerIndex pointers_;
  std::vector<bool> reachable_;
};

}  // namespace

std::string describe_path(const Scenario& s, const std::vector<PathStep>& steps) {
  if (steps.empty()) return "right at the start";
  std::string out;
  for (const auto& st : steps) {
    if (st.choice < 0 && st.choice != kSkipMove) continue;
    const Node& n = s.nodes[static_cast<std::size_t>(st.node)];
    if (!out.empty()) out += ", ";
    out += n.id + ":" +
           (st.choice == kSkipMove ? std::string("(skip)")
                                   : n.choices[static_cast<std::size_t>(st.choice)].id);
  }
  return out.empty() ? "without any choice" : "after choosing " + out;
}

void check_flow(const Scenario& s, const SourceText& source, Diagnostics& out,
                const FlowLimits& limits) {
  FlowChecker(s, source, out, limits).run();
}

}  // namespace upstander
