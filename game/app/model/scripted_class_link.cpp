// The scripted class connection: answers come from its public fields.
#include "scripted_class_link.hpp"

namespace upstander::app {

void ScriptedClassLink::set_status(ClassStatus s) {
  status_ = s;
  if (s == ClassStatus::Online || s == ClassStatus::Sending || s == ClassStatus::SessionEnded)
    pending_ = 0;  // delivered, or (ended) dropped by the client as undeliverable
}

bool ScriptedClassLink::resume() {
  if (!saved) return false;
  take_session();
  return true;
}

void ScriptedClassLink::discover() {
  ++discover_calls;
  discovery_ = {};
  discovery_.searching = true;
  if (discovery_finishes) finish_discovery();
}

void ScriptedClassLink::finish_discovery() {
  discovery_.searching = false;
  discovery_.done = true;
  discovery_.servers = servers_found;
}

void ScriptedClassLink::join(const std::string& code, const std::string& typed_address) {
  join_requests.emplace_back(code, typed_address);
  has_session_ = false;  // joining replaces any earlier session
  attempt_ = {};
  attempt_.busy = true;
  join_ready_ = join_finishes;
}

void ScriptedClassLink::finish_join() {
  join_ready_ = true;
}

void ScriptedClassLink::poll() {
  if (!attempt_.busy || !join_ready_) return;
  attempt_.busy = false;
  join_ready_ = false;
  attempt_.failure = join_outcome;
  attempt_.retry_after_seconds = join_outcome == JoinError::TooManyTries ? retry_after_seconds : 0;
  if (join_outcome == JoinError::None) take_session();
}

void ScriptedClassLink::take_session() {
  has_session_ = true;
  pending_ = 0;
  status_ = offered.collecting ? ClassStatus::Online : ClassStatus::NotCollecting;
}

void ScriptedClassLink::leave() {
  ++leave_calls;
  has_session_ = false;
  saved = false;
  pending_ = 0;
}

bool ScriptedClassLink::accepting() const {
  return has_session_ && offered.collecting && status_ != ClassStatus::SessionEnded;
}

void ScriptedClassLink::runner_events(const std::vector<RunnerEvent>& e) {
  if (!accepting()) return;
  events.insert(events.end(), e.begin(), e.end());
  if (status_ == ClassStatus::Offline) pending_ += e.size();
}

void ScriptedClassLink::survey_answer(const SurveyAnswer& a) {
  if (!accepting()) return;
  answers.push_back(a);
  if (status_ == ClassStatus::Offline) ++pending_;
}

}  // namespace upstander::app
