// Exhaustive search over a scenario's reachable states (node + every variable's value).
// Unlike a plain graph walk it respects conditions, so it can prove that an ending is
// unreachable, find a decision where no choice is shown, and give a choice sequence that
// reaches any node. Shared by the validator, `stats` and the tests.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "upstander/scenario.hpp"

namespace upstander {

// One move from a state: a choice at a decision point, "continue" (choice == -1) or
// "skip this scene" at a decision point (choice == kSkipMove).
inline constexpr int kSkipMove = -2;
struct PathStep {
  int node = -1;
  int choice = -1;
};

class StateSearch {
 public:
  // The scenario must be linked without errors. Stops after `max_states` states; then
  // complete() is false and "unreachable" answers must not be trusted.
  StateSearch(const Scenario& s, std::size_t max_states);

  bool complete() const { return complete_; }
  std::size_t state_count() const { return parent_.size(); }

  bool reached(int node) const { return best_state_[static_cast<std::size_t>(node)] >= 0; }
  // A choice that was visible in at least one reachable state.
  bool shown(int node, int choice) const;
  // A decision point that, in some reachable state, shows no choice at all.
  bool stuck(int node) const { return stuck_state_[static_cast<std::size_t>(node)] >= 0; }

  // The fewest choices needed to reach `node` (nullopt if not reached).
  std::optional<int> min_choices_to(int node) const;
  // A shortest (in choices) sequence of moves from the start that reaches `node`.
  std::optional<std::vector<PathStep>> path_to(int node) const;
  // The moves that lead into the state where `node` shows no choice.
  std::optional<std::vector<PathStep>> path_to_stuck(int node) const;

 private:
  struct Parent {
    std::int32_t state = -1;
    std::int32_t node = -1;
    std::int32_t choice = -1;
  };
  std::vector<PathStep> path_to_state(std::int32_t state) const;

  const Scenario& s_;
  std::size_t width_;                // 1 + number of variables
  std::vector<std::int64_t> arena_;  // state i occupies [i*width_, (i+1)*width_): node, vars...
  std::vector<Parent> parent_;
  std::vector<int> dist_;                 // choices made to reach the state
  std::vector<std::int32_t> best_state_;  // per node: the reached state with the fewest choices
  std::vector<std::int32_t> stuck_state_;
  std::vector<std::vector<bool>> shown_;
  bool complete_ = true;
};

}  // namespace upstander
