// Snapshots of the parts an edit touches, swapped in and out for undo and redo.
#include "upstander/author/edit_history.hpp"

#include <utility>

namespace upstander::author {

ScenarioSnapshot ScenarioSnapshot::take(const Scenario& s, const EditScope& scope) {
  ScenarioSnapshot snap;
  snap.schema = s.schema;
  snap.id = s.id;
  snap.locales = s.locales;
  snap.title = s.title;
  snap.summary = s.summary;
  snap.content_note = s.content_note;
  snap.min_age = s.min_age;
  snap.max_age = s.max_age;
  snap.minutes = s.minutes;
  snap.order = s.order;
  snap.targeted = s.targeted;
  snap.goals = s.goals;
  snap.review = s.review;
  snap.player = s.player;
  snap.start = s.start;
  snap.variables = s.variables;
  snap.characters = s.characters;
  snap.threads = s.threads;
  snap.translations = s.translations;
  if (scope.all_nodes) {
    snap.all_nodes = s.nodes;
  } else if (!scope.node.empty()) {
    for (const auto& n : s.nodes) {
      if (n.id == scope.node) snap.one_node = n;
    }
  }
  return snap;
}

void ScenarioSnapshot::swap_with(Scenario& s) {
  using std::swap;
  swap(schema, s.schema);
  swap(id, s.id);
  swap(locales, s.locales);
  swap(title, s.title);
  swap(summary, s.summary);
  swap(content_note, s.content_note);
  swap(min_age, s.min_age);
  swap(max_age, s.max_age);
  swap(minutes, s.minutes);
  swap(order, s.order);
  swap(targeted, s.targeted);
  swap(goals, s.goals);
  swap(review, s.review);
  swap(player, s.player);
  swap(start, s.start);
  swap(variables, s.variables);
  swap(characters, s.characters);
  swap(threads, s.threads);
  swap(translations, s.translations);
  if (all_nodes) swap(*all_nodes, s.nodes);
  if (one_node) {
    // Single-node edits never change a node's id, so the node is where it was.
    for (auto& n : s.nodes) {
      if (n.id == one_node->id) {
        swap(n, *one_node);
        break;
      }
    }
  }
}

void EditHistory::push(ScenarioSnapshot before) {
  redo_.clear();
  undo_.push_back(std::move(before));
  if (undo_.size() > limit_) undo_.pop_front();
}

bool EditHistory::undo(Scenario& s) {
  if (undo_.empty()) return false;
  ScenarioSnapshot snap = std::move(undo_.back());
  undo_.pop_back();
  snap.swap_with(s);
  redo_.push_back(std::move(snap));
  return true;
}

bool EditHistory::redo(Scenario& s) {
  if (redo_.empty()) return false;
  ScenarioSnapshot snap = std::move(redo_.back());
  redo_.pop_back();
  snap.swap_with(s);
  undo_.push_back(std::move(snap));
  return true;
}

void EditHistory::clear() {
  undo_.clear();
  redo_.clear();
}

}  // namespace upstander::author
