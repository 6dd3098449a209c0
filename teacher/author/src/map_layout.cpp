// Layered layout: BFS layers, then barycentre sweeps to order each layer.
#include "upstander/author/map_layout.hpp"

#include <algorithm>
#include <deque>
#include <unordered_map>

namespace upstander::author {

namespace {

std::vector<MapEdge> edges_of(const Scenario& s,
                              const std::unordered_map<std::string, std::size_t>& index) {
  std::vector<MapEdge> edges;
  auto add = [&](const Node& n, const std::string& to, EdgeKind kind, const std::string& choice) {
    if (to.empty()) return;
    edges.push_back({n.id, to, kind, choice, index.count(to) == 0});
  };
  for (const auto& n : s.nodes) {
    if (n.next) add(n, n.next->id, EdgeKind::Next, "");
    for (const auto& c : n.choices) add(n, c.to.id, EdgeKind::Choice, c.id);
    for (const auto& r : n.route) add(n, r.to.id, EdgeKind::Route, "");
    if (n.skip_to) add(n, n.skip_to->id, EdgeKind::Skip, "");
  }
  return edges;
}

class Layering {
 public:
  Layering(const Scenario& s, const std::vector<MapEdge>& edges,
           const std::unordered_map<std::string, std::size_t>& index)
      : s_(s),
        index_(index),
        layer_(s.nodes.size(), -1),
        succ_(s.nodes.size()),
        pred_(s.nodes.size()) {
    for (const auto& e : edges) {
      if (e.dangling) continue;
      if (e.kind == EdgeKind::Skip) {
        skips_.push_back({index.at(e.from), index.at(e.to)});
        continue;
      }
      const std::size_t a = index.at(e.from), b = index.at(e.to);
      succ_[a].push_back(b);
      pred_[b].push_back(a);
    }
  }

  std::vector<int> run(std::vector<bool>& reachable) {
    if (auto it = index_.find(s_.start.id); it != index_.end()) walk_from(it->second, 0);
    // Skips do not shape the layers, but what only a skip reaches is reachable (the
    // supportive route): lay it out after the node it is skipped from.
    for (bool grew = true; grew;) {
      grew = false;
      for (const auto& [from, to] : skips_) {
        if (layer_[from] < 0 || layer_[to] >= 0) continue;
        walk_from(to, layer_[from] + 1);
        grew = true;
      }
    }
    reachable.assign(s_.nodes.size(), false);
    int last = -1;
    for (std::size_t i = 0; i < layer_.size(); ++i) {
      reachable[i] = layer_[i] >= 0;
      last = std::max(last, layer_[i]);
    }
    // Nodes nobody reaches: their own trees, to the right of the story.
    for (std::size_t i = 0; i < layer_.size(); ++i) {
      if (layer_[i] >= 0) continue;
      walk_from(i, last + 1);
      for (int l : layer_) last = std::max(last, l);
    }
    return layer_;
  }

  const std::vector<std::vector<std::size_t>>& successors() const { return succ_; }
  const std::vector<std::vector<std::size_t>>& predecessors() const { return pred_; }

 private:
  void walk_from(std::size_t root, int first_layer) {
    std::deque<std::size_t> queue{root};
    layer_[root] = first_layer;
    while (!queue.empty()) {
      const std::size_t n = queue.front();
      queue.pop_front();
      for (std::size_t m : succ_[n]) {
        if (layer_[m] >= 0) continue;
        layer_[m] = layer_[n] + 1;
        queue.push_back(m);
      }
    }
  }

  const Scenario& s_;
  const std::unordered_map<std::string, std::size_t>& index_;
  std::vector<int> layer_;
  std::vector<std::vector<std::size_t>> succ_, pred_;
  std::vector<std::pair<std::size_t, std::size_t>> skips_;
};

// Orders each layer by the mean row of its neighbours in the layer before (or after).
void sweep(std::vector<std::vector<std::size_t>>& layers, std::vector<int>& row,
           const std::vector<std::vector<std::size_t>>& neighbours, bool downward) {
  const int n = static_cast<int>(layers.size());
  for (int step = 1; step < n; ++step) {
    auto& layer = layers[static_cast<std::size_t>(downward ? step : n - 1 - step)];
    std::vector<std::pair<double, std::size_t>> keyed;
    for (std::size_t node : layer) {
      double sum = 0;
      int count = 0;
      for (std::size_t m : neighbours[node]) {
        sum += row[m];
        ++count;
      }
      keyed.emplace_back(count ? sum / count : row[node], node);
    }
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t r = 0; r < keyed.size(); ++r) {
      layer[r] = keyed[r].second;
      row[keyed[r].second] = static_cast<int>(r);
    }
  }
}

}  // namespace

const MapNode* MapLayout::find(const std::string& id) const {
  for (const auto& n : nodes) {
    if (n.id == id) return &n;
  }
  return nullptr;
}

MapLayout layout_map(const Scenario& s, const std::map<std::string, NodeProblems>& problems,
                     const MapStyle& style) {
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < s.nodes.size(); ++i)
    index.emplace(s.nodes[i].id, i);  // first wins on duplicates
  MapLayout out;
  out.edges = edges_of(s, index);
  Layering layering(s, out.edges, index);
  std::vector<bool> reachable;
  const std::vector<int> layer = layering.run(reachable);

  const int layer_count = layer.empty() ? 0 : *std::max_element(layer.begin(), layer.end()) + 1;
  std::vector<std::vector<std::size_t>> layers(static_cast<std::size_t>(layer_count));
  std::vector<int> row(s.nodes.size(), 0);
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    auto& l = layers[static_cast<std::size_t>(layer[i])];
    row[i] = static_cast<int>(l.size());
    l.push_back(i);
  }
  for (int pass = 0; pass < 2; ++pass) {
    sweep(layers, row, layering.predecessors(), true);
    sweep(layers, row, layering.successors(), false);
  }

  std::size_t tallest = 0;
  for (const auto& l : layers) tallest = std::max(tallest, l.size());
  const double row_step = style.node_height + style.row_gap;
  for (std::size_t i = 0; i < s.nodes.size(); ++i) {
    const Node& n = s.nodes[i];
    MapNode m;
    m.id = n.id;
    m.kind = n.kind;
    if (n.is_ending()) m.outcome = n.as<EndingBody>().outcome;
    m.layer = layer[i];
    m.row = row[i];
    const double centring =
        static_cast<double>(tallest - layers[static_cast<std::size_t>(layer[i])].size()) *
        row_step / 2;
    m.x = m.layer * (style.node_width + style.layer_gap);
    m.y = m.row * row_step + centring;
    m.is_start = n.id == s.start.id;
    m.reachable = reachable[i];
    if (auto it = problems.find(n.id); it != problems.end()) m.problems = it->second;
    out.nodes.push_back(std::move(m));
  }
  out.width =
      layer_count > 0 ? layer_count * (style.node_width + style.layer_gap) - style.layer_gap : 0;
  out.height = tallest > 0 ? static_cast<double>(tallest) * row_step - style.row_gap : 0;
  return out;
}

}  // namespace upstander::author
