// The scenario state machine.
#include "upstander/runner.hpp"

#include <cassert>

namespace upstander {

std::string_view name_of(StepResult r) {
  switch (r) {
    case StepResult::Ok: return "ok";
    case StepResult::NotAvailable: return "not-available";
    case StepResult::UnknownChoice: return "unknown-choice";
    case StepResult::ChoiceHidden: return "choice-hidden";
    case StepResult::OutOfRange: return "out-of-range";
    case StepResult::NothingToUndo: return "nothing-to-undo";
  }
  return "?";
}

Runner::Runner(const Scenario& s) : s_(&s) {}

void Runner::start() {
  assert(s_->start.index >= 0 && "the scenario must be linked without errors");
  values_ = s_->initial_values();
  arrival_ = values_;
  history_.clear();
  answers_.clear();
  perspective_ = s_->player.id;
  RunnerEvent e;
  e.type = EventType::ScenarioStarted;
  emit(std::move(e));
  enter(s_->start.index, true);
}

void Runner::emit(RunnerEvent e) {
  e.seq = seq_++;
  e.scenario = s_->id;
  pending_.push_back(std::move(e));
}

void Runner::enter(int index, bool announce) {
  node_ = index;
  const Node& n = node();
  arrival_ = values_;
  apply_effects(n.effects, s_->variables, values_);
  if (n.kind == NodeKind::Perspective) perspective_ = n.as<PerspectiveBody>().character.id;
  if (!announce) return;
  RunnerEvent e;
  e.type = EventType::NodeEntered;
  e.node = n.id;
  emit(std::move(e));
  if (n.is_ending()) {
    RunnerEvent end;
    end.type = EventType::EndingReached;
    end.node = n.id;
    end.outcome = std::string(name_of(n.as<EndingBody>().outcome));
    emit(std::move(end));
  }
}

Runner::Snapshot Runner::snapshot() const {
  return {node_, perspective_, values_, arrival_};
}

std::vector<int> Runner::visible_choices() const {
  std::vector<int> out;
  if (!started()) return out;
  const Node& n = node();
  for (std::size_t i = 0; i < n.choices.size(); ++i) {
    const Choice& c = n.choices[i];
    if (!c.condition || evaluate(*c.condition, values_)) out.push_back(static_cast<int>(i));
  }
  return out;
}

bool Runner::can_skip() const {
  if (!started() || at_ending()) return false;
  return node().is_linear() || node().skip_to.has_value();
}

int Runner::linear_target() const {
  const Node& n = node();
  if (n.next) return n.next->index;
  for (const Route& r : n.route) {
    if (!r.condition || evaluate(*r.condition, values_)) return r.to.index;
  }
  return -1;  // unreachable for validated content: a route ends with a default
}

StepResult Runner::advance() {
  if (!can_continue()) return StepResult::NotAvailable;
  enter(linear_target(), true);
  return StepResult::Ok;
}

StepResult Runner::skip_question() {
  if (!started() || node().kind != NodeKind::Reflection) return StepResult::NotAvailable;
  const std::string from = node().id;
  const int target = linear_target();
  answers_.erase(from);
  RunnerEvent e;
  e.type = EventType::SceneSkipped;
  e.node = from;
  e.to = s_->nodes[static_cast<std::size_t>(target)].id;
  emit(std::move(e));
  enter(target, true);
  return StepResult::Ok;
}

StepResult Runner::choose(std::string_view choice_id) {
  if (!started() || node().choices.empty()) return StepResult::NotAvailable;
  const Node& n = node();
  for (std::size_t i = 0; i < n.choices.size(); ++i) {
    const Choice& c = n.choices[i];
    if (c.id != choice_id) continue;
    if (c.condition && !evaluate(*c.condition, values_)) return StepResult::ChoiceHidden;
    history_.push_back(snapshot());
    apply_effects(c.effects, s_->variables, values_);
    RunnerEvent e;
    e.type = EventType::ChoiceMade;
    e.node = n.id;
    e.choice = c.id;
    emit(std::move(e));
    enter(c.to.index, true);
    return StepResult::Ok;
  }
  return StepResult::UnknownChoice;
}

StepResult Runner::choose_visible(std::size_t n) {
  if (!started() || node().choices.empty()) return StepResult::NotAvailable;
  const std::vector<int> shown = visible_choices();
  if (n >= shown.size()) return StepResult::OutOfRange;
  return choose(node().choices[static_cast<std::size_t>(shown[n])].id);
}

StepResult Runner::answer(std::string_view option_id) {
  if (!started() || node().kind != NodeKind::Reflection) return StepResult::NotAvailable;
  const auto& body = node().as<ReflectionBody>();
  if (body.scale) return StepResult::NotAvailable;
  for (const auto& o : body.options) {
    if (o.id != option_id) continue;
    answers_[node().id] = ReflectionAnswer{o.id, 0};
    RunnerEvent e;
    e.type = EventType::ReflectionAnswered;
    e.node = node().id;
    e.option = o.id;
    emit(std::move(e));
    return StepResult::Ok;
  }
  return StepResult::UnknownChoice;
}

StepResult Runner::answer_scale(int value) {
  if (!started() || node().kind != NodeKind::Reflection) return StepResult::NotAvailable;
  if (!node().as<ReflectionBody>().scale) return StepResult::NotAvailable;
  if (value < 1 || value > 5) return StepResult::OutOfRange;
  answers_[node().id] = ReflectionAnswer{"", value};
  RunnerEvent e;
  e.type = EventType::ReflectionAnswered;
  e.node = node().id;
  e.value = value;
  emit(std::move(e));
  return StepResult::Ok;
}

StepResult Runner::skip() {
  if (!can_skip()) return StepResult::NotAvailable;
  const std::string from = node().id;
  if (!node().choices.empty()) {
    history_.push_back(snapshot());
    enter(node().skip_to->index, false);
  } else {
    // Walk the scene without announcing it; effects still apply so the story stays
    // consistent. The walk is bounded: a linear loop is a content error, not a hang.
    std::size_t steps = 0;
    do {
      enter(linear_target(), false);
    } while (node().is_linear() && node().kind != NodeKind::Reflection &&
             ++steps <= s_->nodes.size());
  }
  RunnerEvent e;
  e.type = EventType::SceneSkipped;
  e.node = from;
  e.to = node().id;
  emit(std::move(e));
  // Re-enter the landing node's announcement without applying its effects twice.
  RunnerEvent entered;
  entered.type = EventType::NodeEntered;
  entered.node = node().id;
  emit(std::move(entered));
  if (node().is_ending()) {
    RunnerEvent end;
    end.type = EventType::EndingReached;
    end.node = node().id;
    end.outcome = std::string(name_of(node().as<EndingBody>().outcome));
    emit(std::move(end));
  }
  return StepResult::Ok;
}

StepResult Runner::back() {
  if (history_.empty()) return StepResult::NothingToUndo;
  Snapshot snap = std::move(history_.back());
  history_.pop_back();
  node_ = snap.node;
  perspective_ = std::move(snap.perspective);
  values_ = std::move(snap.values);
  arrival_ = std::move(snap.arrival);
  return StepResult::Ok;
}

std::int64_t Runner::value_of(std::string_view variable_id) const {
  auto it = s_->variable_index.find(std::string(variable_id));
  if (it == s_->variable_index.end() || values_.empty()) return 0;
  return values_[static_cast<std::size_t>(it->second)];
}

std::int64_t Runner::value_on_arrival(std::string_view variable_id) const {
  auto it = s_->variable_index.find(std::string(variable_id));
  if (it == s_->variable_index.end() || arrival_.empty()) return 0;
  return arrival_[static_cast<std::size_t>(it->second)];
}

const ReflectionAnswer* Runner::answer_at(std::string_view node_id) const {
  auto it = answers_.find(std::string(node_id));
  return it == answers_.end() ? nullptr : &it->second;
}

std::vector<RunnerEvent> Runner::take_events() {
  std::vector<RunnerEvent> out;
  out.swap(pending_);
  return out;
}

}  // namespace upstander
