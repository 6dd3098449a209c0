// Plays a scenario: the current node, the choices shown, effects, whose phone we see,
// going back one choice, skipping a scene, and saving/restoring progress. Deterministic:
// the same scenario and the same calls give the same states and events.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "upstander/runner_event.hpp"
#include "upstander/scenario.hpp"

namespace upstander {

enum class StepResult {
  Ok,
  NotAvailable,   // this action does not apply to the current node (e.g. choose on an ending)
  UnknownChoice,  // no choice or option with that id here
  ChoiceHidden,   // the choice exists but its condition does not hold
  OutOfRange,     // a scale answer outside 1-5, or a choice number past the last
  NothingToUndo,
};
std::string_view name_of(StepResult r);

struct ReflectionAnswer {
  std::string option;  // set for option questions
  int value = 0;       // 1-5 for scale questions

  bool operator==(const ReflectionAnswer&) const = default;
};

class Runner {
 public:
  // The scenario must be loaded without errors and must outlive the runner.
  explicit Runner(const Scenario& s);

  void start();
  bool started() const { return node_ >= 0; }

  const Scenario& scenario() const { return *s_; }
  const Node& node() const { return s_->nodes[static_cast<std::size_t>(node_)]; }
  int node_index() const { return node_; }
  // The character whose phone the student is looking at.
  const std::string& perspective() const { return perspective_; }

  // Indices into node().choices of the choices whose conditions hold, in file order.
  std::vector<int> visible_choices() const;
  bool at_ending() const { return started() && node().is_ending(); }
  bool can_continue() const { return started() && node().is_linear(); }
  bool can_skip() const;
  bool can_go_back() const { return !history_.empty(); }

  StepResult advance();
  StepResult choose(std::string_view choice_id);
  // The n-th visible choice (0-based), for number keys.
  StepResult choose_visible(std::size_t n);
  StepResult answer(std::string_view option_id);
  StepResult answer_scale(int value);
  // Skips the rest of this scene: past linear nodes to the next decision, question or
  // ending; at a decision, to its "skip_to".
  StepResult skip();
  // Moves on from a reflection question without an answer, and says so: a SceneSkipped
  // event from the question to where the story goes on, so class results count it as
  // skipped rather than as never reached. An earlier answer to it is forgotten.
  StepResult skip_question();
  // Undoes the last choice (or skip), back to that decision.
  StepResult back();

  std::int64_t value_of(std::string_view variable_id) const;
  std::span<const std::int64_t> values() const { return values_; }
  // A variable's value before the current node's effects: the ripple animates from it.
  std::int64_t value_on_arrival(std::string_view variable_id) const;
  const ReflectionAnswer* answer_at(std::string_view node_id) const;

  std::vector<RunnerEvent> take_events();
  std::uint32_t next_seq() const { return seq_; }

  // Progress as JSON (ids only). See restore_runner() for reading it back.
  nlohmann::json save() const;

 private:
  friend struct RunnerRestorer;

  struct Snapshot {
    int node = -1;
    std::string perspective;
    std::vector<std::int64_t> values;
    std::vector<std::int64_t> arrival;
  };

  void enter(int node_index, bool announce);
  int linear_target() const;
  void emit(RunnerEvent e);
  Snapshot snapshot() const;

  const Scenario* s_;
  int node_ = -1;
  std::string perspective_;
  std::vector<std::int64_t> values_;
  std::vector<std::int64_t> arrival_;
  std::vector<Snapshot> history_;
  std::map<std::string, ReflectionAnswer> answers_;
  std::vector<RunnerEvent> pending_;
  std::uint32_t seq_ = 0;
};

enum class RestoreError { None, NotASave, OtherScenario, NodeGone };
std::string_view name_of(RestoreError e);

struct RestoreResult {
  std::optional<Runner> runner;
  RestoreError error = RestoreError::None;  // the game shows a localized message per code
  std::string detail;                       // for logs: which node or field
  std::vector<std::string> notes;           // for logs: what was adapted to edited content
};

// Restores a save by node id, so a save made before the content was edited still works
// when its node exists; otherwise the error is NodeGone.
RestoreResult restore_runner(const Scenario& s, const nlohmann::json& save);

}  // namespace upstander
