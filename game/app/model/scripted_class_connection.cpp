// The scripted class connection: answers come from its public fields.
#include "scripted_class_connection.hpp"

namespace upstander::app {

void ScriptedClassConnection::set_status(ClassStatus s) {
  status_ = s;
  if (s == ClassStatus::Online || s == ClassStatus::Sending || s == ClassStatus::SessionEnded)
    pending_ = 0;  // delivered, or (ended) dropped by the client as undeliverable
}

bool ScriptedClassConnection::resume() {
  if (!saved) return false;
  take_session();
  return true;
}

void ScriptedClassConnection::discover() {
  ++discover_calls;
  discovery_ = {};
  discovery_.searching = true;
  if (discovery_finishes) finish_discovery();
}

void ScriptedClassConnection::finish_discovery() {
  discovery_.searching = false;
  discovery_.done = true;
  discovery_.servers = servers_found;
}

void ScriptedClassConnection::join(const std::string& code, const std::string& typed_address) {
  join_requests.emplace_back(code, typed_address);
  has_session_ = false;  // joining replaces any earlier session
  attempt_ = {};
  attempt_.busy = true;
  join_ready_ = join_finishes;
}

void ScriptedClassConnection::finish_join() {
  join_ready_ = true;
}

void ScriptedClassConnection::poll() {
  if (!attempt_.busy || !join_ready_) return;
  attempt_.busy = false;
  join_ready_ = false;
  attempt_.failure = join_outcome;
  attempt_.retry_after_seconds = join_outcome == JoinFailure::TooManyTries ? retry_after_seconds : 0;
  if (join_outcome == JoinFailure::None) take_session();
}

void ScriptedClassConnection::take_session() {
  has_session_ = true;
  pending_ = 0;
  status_ = offered.collecting ? ClassStatus::Online : ClassStatus::NotCollecting;
}

void ScriptedClassConnection::leave() {
  ++leave_calls;
  has_session_ = false;
  saved = false;
  pending_ = 0;
}

bool ScriptedClassConnection::accepting() const {
  return has_session_ && offered.collecting && status_ != ClassStatus::SessionEnded;
}

void ScriptedClassConnection::runner_events(const std::vector<RunnerEvent>& e) {
  if (!accepting()) return;
  events.insert(events.end(), e.begin(), e.end());
  if (status_ == ClassStatus::Offline) pending_ += e.size();
}

void ScriptedClassConnection::survey_answer(const SurveyAnswer& a) {
  if (!accepting()) return;
  answers.push_back(a);
  if (status_ == ClassStatus::Offline) ++pending_;
}

}  // namespace upstander::app
