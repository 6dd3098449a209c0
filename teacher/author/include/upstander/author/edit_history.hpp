// Undo and redo for the editor. Each step keeps copies of what an edit may touch (the
// header, the declarations, the translation records, and one node or the whole node list),
// and undoing swaps them back in; swapping again redoes. Memory grows with the size of
// what edits touch, not with the size of the scenario.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "upstander/author/edit_command.hpp"

namespace upstander::author {

// The parts of a scenario one edit may change.
struct ScenarioSnapshot {
  // Header fields (everything but the lists below).
  std::string schema, id;
  std::vector<std::string> locales;
  LocalizedText title, summary, content_note;
  int min_age = 0, max_age = 0, minutes = 0, order = 0;
  std::vector<LearningGoal> goals;
  Review review;
  IdRef player, start;
  std::vector<IdRef> targeted;
  std::vector<Variable> variables;
  std::vector<Character> characters;
  std::vector<Thread> threads;
  std::vector<TranslationRecord> translations;
  std::optional<std::vector<Node>> all_nodes;
  std::optional<Node> one_node;  // found again by id when swapped back

  static ScenarioSnapshot take(const Scenario& s, const EditScope& scope);
  // Exchanges the snapshot's parts with the scenario's: afterwards the scenario is as it
  // was when the snapshot was taken, and the snapshot holds what the scenario had.
  void swap_with(Scenario& s);
};

class EditHistory {
 public:
  explicit EditHistory(std::size_t limit = 500) : limit_(limit) {}

  // Records the state before an edit that has just been applied (clears the redo list).
  void push(ScenarioSnapshot before);
  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  bool undo(Scenario& s);
  bool redo(Scenario& s);
  std::size_t undo_depth() const { return undo_.size(); }
  void clear();

 private:
  std::size_t limit_;
  std::deque<ScenarioSnapshot> undo_;
  std::vector<ScenarioSnapshot> redo_;
};

}  // namespace upstander::author
