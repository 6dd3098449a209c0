// Computing scenario statistics.
#include "upstander/scenario_stats.hpp"

#include <algorithm>
#include <cmath>

#include "upstander/scenario_text.hpp"
#include "upstander/state_search.hpp"

namespace upstander {

namespace {

// Seconds for tapping through a node, deciding, and answering a reflection question.
constexpr double kPerNodeSeconds = 3.0;
constexpr double kPerDecisionSeconds = 15.0;
constexpr double kPerReflectionSeconds = 20.0;

double node_seconds(const Node& n, const std::string& locale) {
  double secs = kPerNodeSeconds;
  for_each_node_text(n, [&](const std::string&, const LocalizedText& t) {
    secs += reading_seconds(locale, t.get(locale));
  });
  for (const auto& c : n.choices) secs += reading_seconds(locale, c.text.get(locale));
  if (n.choices.size() >= 2) secs += kPerDecisionSeconds;
  if (n.kind == NodeKind::Reflection) secs += kPerReflectionSeconds;
  return secs;
}

// Strongly connected components without recursion (scenarios can have 100,000 nodes).
std::vector<int> components(const std::vector<std::vector<int>>& edges, int& count) {
  const int n = static_cast<int>(edges.size());
  std::vector<int> index(static_cast<std::size_t>(n), -1), low(static_cast<std::size_t>(n), 0),
      comp(static_cast<std::size_t>(n), -1);
  std::vector<bool> on_stack(static_cast<std::size_t>(n), false);
  std::vector<int> stack;
  std::vector<std::pair<int, std::size_t>> call;
  int next_index = 0;
  count = 0;
  for (int root = 0; root < n; ++root) {
    if (index[static_cast<std::size_t>(root)] >= 0) continue;
    call.push_back({root, 0});
    while (!call.empty()) {
      auto& [v, edge] = call.back();
      const auto uv = static_cast<std::size_t>(v);
      if (edge == 0) {
        index[uv] = low[uv] = next_index++;
        stack.push_back(v);
        on_stack[uv] = true;
      }
      if (edge < edges[uv].size()) {
        const int w = edges[uv][edge++];
        const auto uw = static_cast<std::size_t>(w);
        if (index[uw] < 0) {
          call.push_back({w, 0});
        } else if (on_stack[uw]) {
          low[uv] = std::min(low[uv], index[uw]);
        }
        continue;
      }
      if (low[uv] == index[uv]) {
        int w;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[static_cast<std::size_t>(w)] = false;
          comp[static_cast<std::size_t>(w)] = count;
        } while (w != v);
        ++count;
      }
      const int finished = v;
      call.pop_back();
      if (!call.empty()) {
        const auto parent = static_cast<std::size_t>(call.back().first);
        low[parent] = std::min(low[parent], low[static_cast<std::size_t>(finished)]);
      }
    }
  }
  return comp;
}

struct Longest {
  int choices = -1;
  std::map<std::string, double> seconds;
};

// Longest path to an ending over the graph of components (conditions ignored). Within a
// loop every scene is counted once.
Longest longest_path(const Scenario& s) {
  const std::size_t n = s.nodes.size();
  std::vector<std::vector<int>> edges(n);
  std::vector<std::vector<int>> is_choice(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Node& node = s.nodes[i];
    if (node.next && node.next->index >= 0) {
      edges[i].push_back(node.next->index);
      is_choice[i].push_back(0);
    }
    for (const auto& r : node.route) {
      if (r.to.index < 0) continue;
      edges[i].push_back(r.to.index);
      is_choice[i].push_back(0);
    }
    for (const auto& c : node.choices) {
      if (c.to.index < 0) continue;
      edges[i].push_back(c.to.index);
      is_choice[i].push_back(1);
    }
  }
  int count = 0;
  const std::vector<int> comp = components(edges, count);
  // Tarjan numbers components in reverse topological order: successors first.
  std::vector<int> best_choices(static_cast<std::size_t>(count), -1);
  std::map<std::string, std::vector<double>> best_secs;
  std::map<std::string, std::vector<double>> comp_secs;
  for (const auto& l : s.locales) {
    best_secs[l].assign(static_cast<std::size_t>(count), -1.0);
    comp_secs[l].assign(static_cast<std::size_t>(count), 0.0);
  }
  std::vector<std::vector<int>> members(static_cast<std::size_t>(count));
  for (std::size_t i = 0; i < n; ++i) {
    members[static_cast<std::size_t>(comp[i])].push_back(static_cast<int>(i));
    for (const auto& l : s.locales)
      comp_secs[l][static_cast<std::size_t>(comp[i])] += node_seconds(s.nodes[i], l);
  }
  for (int c = 0; c < count; ++c) {
    const auto uc = static_cast<std::size_t>(c);
    int choices = -1;
    std::map<std::string, double> secs;
    for (int v : members[uc]) {
      const auto uv = static_cast<std::size_t>(v);
      if (s.nodes[uv].is_ending()) choices = std::max(choices, 0);
      for (std::size_t e = 0; e < edges[uv].size(); ++e) {
        const auto target = static_cast<std::size_t>(comp[static_cast<std::size_t>(edges[uv][e])]);
        if (target == uc || best_choices[target] < 0) continue;
        choices = std::max(choices, best_choices[target] + is_choice[uv][e]);
        for (const auto& l : s.locales) secs[l] = std::max(secs[l], best_secs[l][target]);
      }
    }
    best_choices[uc] = choices;
    for (const auto& l : s.locales)
      best_secs[l][uc] = choices < 0 ? -1.0 : secs[l] + comp_secs[l][uc];
  }
  Longest out;
  if (s.start.index < 0) return out;
  const auto start_comp = static_cast<std::size_t>(comp[static_cast<std::size_t>(s.start.index)]);
  out.choices = best_choices[start_comp];
  for (const auto& l : s.locales) out.seconds[l] = best_secs[l][start_comp];
  return out;
}

double round1(double v) {
  return std::round(v * 10.0) / 10.0;
}

}  // namespace

ScenarioStats compute_stats(const Scenario& s) {
  ScenarioStats st;
  st.id = s.id;
  st.locales = s.locales;
  st.nodes = static_cast<int>(s.nodes.size());
  st.declared_minutes = s.minutes;
  for (const auto& n : s.nodes) {
    if (n.choices.size() >= 2) ++st.decision_points;
    switch (n.kind) {
      case NodeKind::Ending:
        ++st.endings;
        ++st.endings_by_outcome[std::string(name_of(n.as<EndingBody>().outcome))];
        break;
      case NodeKind::Perspective: ++st.perspective_switches; break;
      case NodeKind::Excuse: ++st.excuse_cards; break;
      case NodeKind::Thought: ++st.thought_cards; break;
      case NodeKind::Ripple: ++st.ripples; break;
      case NodeKind::Fact: ++st.fact_cards; break;
      case NodeKind::Reflection: ++st.reflections; break;
      default: break;
    }
  }
  for (const auto& l : s.locales) st.words[l] = 0;
  for_each_text(s, [&](const std::string&, const LocalizedText& t) {
    for (const auto& l : s.locales) st.words[l] += static_cast<int>(reading_units(t.get(l)));
  });

  StateSearch search(s, std::max<std::size_t>(200'000, s.nodes.size() * 4));
  int best = -1;
  int best_ending = -1;
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    // The skip route is a safety exit, not a way to play the story.
    if (!s.nodes[i].is_ending() || s.nodes[i].as<EndingBody>().outcome == Outcome::Skipped)
      continue;
    if (auto d = search.min_choices_to(static_cast<int>(i)); d && (best < 0 || *d < best)) {
      best = *d;
      best_ending = static_cast<int>(i);
    }
  }
  st.shortest_path_choices = best;
  if (best_ending >= 0) {
    const auto path = *search.path_to(best_ending);
    for (const auto& l : s.locales) {
      double secs = 0;
      for (const auto& step : path)
        secs += node_seconds(s.nodes[static_cast<std::size_t>(step.node)], l);
      secs += node_seconds(s.nodes[static_cast<std::size_t>(best_ending)], l);
      st.minutes_shortest[l] = round1(secs / 60.0);
    }
  }
  const Longest longest = longest_path(s);
  st.longest_path_choices = longest.choices;
  for (const auto& [l, secs] : longest.seconds)
    st.minutes_longest[l] = secs < 0 ? 0.0 : round1(secs / 60.0);
  return st;
}

nlohmann::ordered_json ScenarioStats::to_json() const {
  nlohmann::ordered_json j;
  j["id"] = id;
  j["locales"] = locales;
  j["nodes"] = nodes;
  j["decision_points"] = decision_points;
  j["endings"] = endings;
  j["endings_by_outcome"] = endings_by_outcome;
  j["perspective_switches"] = perspective_switches;
  j["excuse_cards"] = excuse_cards;
  j["thought_cards"] = thought_cards;
  j["ripples"] = ripples;
  j["fact_cards"] = fact_cards;
  j["reflections"] = reflections;
  j["declared_minutes"] = declared_minutes;
  j["estimated_minutes_shortest"] = minutes_shortest;
  j["estimated_minutes_longest"] = minutes_longest;
  j["shortest_path_choices"] = shortest_path_choices;
  j["longest_path_choices"] = longest_path_choices;
  j["words"] = words;
  return j;
}

}  // namespace upstander
