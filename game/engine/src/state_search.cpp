// 0-1 breadth-first search over (node, variables): "continue" costs nothing, a choice costs
// one, so the first time a node is settled it is reached with the fewest choices.
#include "upstander/state_search.hpp"

#include <deque>

namespace upstander {

namespace {

std::uint64_t hash_state(const std::int64_t* v, std::size_t n) {
  std::uint64_t h = 1469598103934665603ull;
  for (std::size_t i = 0; i < n; ++i) {
    h ^= static_cast<std::uint64_t>(v[i]) + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h *= 1099511628211ull;
  }
  return h;
}

// Open addressing over state ids: one int per slot, probed linearly, states compared in
// the arena. Several times fewer cache misses than a node-based multimap on large packs.
class StateTable {
 public:
  explicit StateTable(std::size_t expected) { grow_to(std::max<std::size_t>(64, expected * 2)); }

  // The id of the state equal to `key` (of `width` values), or -1; `hash` is its hash.
  std::int32_t find(std::uint64_t hash, const std::int64_t* key, std::size_t width,
                    const std::vector<std::int64_t>& arena) const {
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const std::int32_t id = slots_[i];
      if (id < 0) return -1;
      if (hashes_[static_cast<std::size_t>(id)] == hash &&
          std::equal(
              key, key + width,
              arena.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(id) * width))) {
        return id;
      }
    }
  }

  void insert(std::uint64_t hash, std::int32_t id) {
    if (hashes_.size() <= static_cast<std::size_t>(id))
      hashes_.resize(static_cast<std::size_t>(id) + 1);
    hashes_[static_cast<std::size_t>(id)] = hash;
    if ((count_ + 1) * 2 > slots_.size()) grow_to(slots_.size() * 2);
    place(hash, id);
    ++count_;
  }

 private:
  void place(std::uint64_t hash, std::int32_t id) {
    std::size_t i = hash & mask_;
    while (slots_[i] >= 0) i = (i + 1) & mask_;
    slots_[i] = id;
  }

  void grow_to(std::size_t size) {
    std::size_t n = 1;
    while (n < size) n <<= 1;
    slots_.assign(n, -1);
    mask_ = n - 1;
    for (std::size_t id = 0; id < count_; ++id) place(hashes_[id], static_cast<std::int32_t>(id));
  }

  std::vector<std::int32_t> slots_;
  std::vector<std::uint64_t> hashes_;  // per state id, to rehash without the arena
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
};

}  // namespace

StateSearch::StateSearch(const Scenario& s, std::size_t max_states)
    : s_(s),
      width_(1 + s.variables.size()),
      best_state_(s.nodes.size(), -1),
      stuck_state_(s.nodes.size(), -1),
      shown_(s.nodes.size()) {
  for (std::size_t i = 0; i < s.nodes.size(); ++i)
    shown_[i].assign(s.nodes[i].choices.size(), false);
  if (s.start.index < 0) return;

  StateTable seen(s.nodes.size());
  std::deque<std::int32_t> queue;
  std::vector<std::int64_t> scratch(width_);

  // Adds the state in `scratch` if new (or improves its distance); returns false when full.
  auto offer = [&](std::int32_t from, std::int32_t from_node, std::int32_t choice,
                   int dist) -> bool {
    const std::uint64_t h = hash_state(scratch.data(), width_);
    if (const std::int32_t found = seen.find(h, scratch.data(), width_, arena_); found >= 0) {
      const auto id = static_cast<std::size_t>(found);
      if (dist < dist_[id]) {
        dist_[id] = dist;
        parent_[id] = {from, from_node, choice};
        if (choice < 0)
          queue.push_front(found);
        else
          queue.push_back(found);
      }
      return true;
    }
    if (parent_.size() >= max_states) {
      complete_ = false;
      return false;
    }
    const auto id = static_cast<std::int32_t>(parent_.size());
    arena_.insert(arena_.end(), scratch.begin(), scratch.end());
    parent_.push_back({from, from_node, choice});
    dist_.push_back(dist);
    seen.insert(h, id);
    if (choice < 0)
      queue.push_front(id);
    else
      queue.push_back(id);
    return true;
  };

  auto enter = [&](int node) {
    scratch[0] = node;
    const Node& n = s_.nodes[static_cast<std::size_t>(node)];
    apply_effects(n.effects, s_.variables, std::span(scratch).subspan(1));
  };

  std::vector<std::int64_t> initial = s.initial_values();
  std::copy(initial.begin(), initial.end(), scratch.begin() + 1);
  enter(s.start.index);
  offer(-1, -1, -1, 0);

  std::vector<bool> settled;
  while (!queue.empty()) {
    const std::int32_t id = queue.front();
    queue.pop_front();
    const auto uid = static_cast<std::size_t>(id);
    if (settled.size() <= uid) settled.resize(uid + 1, false);
    if (settled[uid]) continue;
    settled[uid] = true;

    const std::int64_t* state = &arena_[uid * width_];
    const int node = static_cast<int>(state[0]);
    const auto unode = static_cast<std::size_t>(node);
    const int dist = dist_[uid];
    if (best_state_[unode] < 0 || dist < dist_[static_cast<std::size_t>(best_state_[unode])])
      best_state_[unode] = id;
    const Node& n = s_.nodes[unode];
    if (n.is_ending()) continue;
    std::span<const std::int64_t> vars(state + 1, width_ - 1);

    if (n.next) {
      if (n.next->index < 0) continue;
      std::copy(state, state + width_, scratch.begin());
      enter(n.next->index);
      if (!offer(id, node, -1, dist)) break;
      continue;
    }
    if (!n.route.empty()) {
      for (const Route& r : n.route) {
        if (r.condition && !evaluate(*r.condition, vars)) continue;
        if (r.to.index < 0) break;
        std::copy(state, state + width_, scratch.begin());
        enter(r.to.index);
        offer(id, node, -1, dist);
        break;
      }
      if (!complete_) break;
      continue;
    }
    bool any_shown = false;
    for (std::size_t c = 0; c < n.choices.size(); ++c) {
      const Choice& choice = n.choices[c];
      if (choice.to.index < 0) continue;
      if (choice.condition && !evaluate(*choice.condition, vars)) continue;
      any_shown = true;
      shown_[unode][c] = true;
      std::copy(state, state + width_, scratch.begin());
      apply_effects(choice.effects, s_.variables, std::span(scratch).subspan(1));
      enter(choice.to.index);
      if (!offer(id, node, static_cast<std::int32_t>(c), dist + 1)) break;
      // `state` may have moved when the arena grew.
      state = &arena_[uid * width_];
      vars = std::span<const std::int64_t>(state + 1, width_ - 1);
    }
    if (!complete_) break;
    // A skip is a move like a choice: endings reached only by skipping are reachable.
    if (n.skip_to && n.skip_to->index >= 0 && !n.choices.empty()) {
      std::copy(state, state + width_, scratch.begin());
      enter(n.skip_to->index);
      if (!offer(id, node, kSkipMove, dist + 1)) break;
    }
    if (!any_shown && !n.choices.empty() && stuck_state_[unode] < 0) stuck_state_[unode] = id;
  }
}

bool StateSearch::shown(int node, int choice) const {
  return shown_[static_cast<std::size_t>(node)][static_cast<std::size_t>(choice)];
}

std::optional<int> StateSearch::min_choices_to(int node) const {
  const std::int32_t st = best_state_[static_cast<std::size_t>(node)];
  if (st < 0) return std::nullopt;
  return dist_[static_cast<std::size_t>(st)];
}

std::vector<PathStep> StateSearch::path_to_state(std::int32_t state) const {
  std::vector<PathStep> steps;
  while (state >= 0) {
    const Parent& p = parent_[static_cast<std::size_t>(state)];
    if (p.state >= 0) steps.push_back({p.node, p.choice});
    state = p.state;
  }
  return {steps.rbegin(), steps.rend()};
}

std::optional<std::vector<PathStep>> StateSearch::path_to(int node) const {
  const std::int32_t st = best_state_[static_cast<std::size_t>(node)];
  if (st < 0) return std::nullopt;
  return path_to_state(st);
}

std::optional<std::vector<PathStep>> StateSearch::path_to_stuck(int node) const {
  const std::int32_t st = stuck_state_[static_cast<std::size_t>(node)];
  if (st < 0) return std::nullopt;
  return path_to_state(st);
}

}  // namespace upstander
