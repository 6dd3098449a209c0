// Driving the class core from the model's poll().
#include "core_class_connection.hpp"

#include "event_sink.hpp"

namespace upstander::app {

JoinFailure failure_of(client::JoinError e) {
  switch (e) {
    case client::JoinError::None:
      return JoinFailure::None;
    case client::JoinError::Unreachable:
      return JoinFailure::Unreachable;
    case client::JoinError::UnknownCode:
      return JoinFailure::UnknownCode;
    case client::JoinError::LobbyLocked:
      return JoinFailure::LobbyLocked;
    case client::JoinError::SessionFull:
      return JoinFailure::SessionFull;
    case client::JoinError::TooManyTries:
      return JoinFailure::TooManyTries;
    case client::JoinError::BadContent:
      return JoinFailure::BadContent;
    case client::JoinError::ServerError:
      return JoinFailure::ServerError;
    case client::JoinError::LocalStorage:
      return JoinFailure::LocalStorage;
  }
  return JoinFailure::ServerError;
}

ClassStatus status_of(client::ConnectionStatus s) {
  switch (s) {
    case client::ConnectionStatus::Online:
      return ClassStatus::Online;
    case client::ConnectionStatus::Sending:
      return ClassStatus::Sending;
    case client::ConnectionStatus::Offline:
      return ClassStatus::Offline;
    case client::ConnectionStatus::NotCollecting:
      return ClassStatus::NotCollecting;
    case client::ConnectionStatus::SessionEnded:
      return ClassStatus::SessionEnded;
  }
  return ClassStatus::Offline;
}

struct CoreClassConnection::Impl final : EventSink {
  std::unique_ptr<client::ClassCore> core;
  client::ServerAddress home;
  std::function<Clock::time_point()> now;
  ClassSession session;
  JoinAttempt attempt;

  void take_session() {
    session = {};
    if (!core->has_session()) return;
    const client::SavedSession& s = core->session();
    session.id = s.session_id;
    session.language = s.language;
    session.collecting = s.collect;
    session.pseudonym = {s.pseudonym.adjective, s.pseudonym.animal, s.pseudonym.number};
    session.scenarios = core->scenarios();
    session.survey = core->survey();
    session.survey_order = s.survey_order;
  }

  void runner_events(const std::vector<RunnerEvent>& events) override { core->submit(events); }
  void survey_answer(const SurveyAnswer& a) override {
    core->submit_survey(a.item, a.form, a.phase, a.value);
  }
};

CoreClassConnection::CoreClassConnection(std::unique_ptr<client::ClassCore> core,
                                         client::ServerAddress home,
                                         std::function<Clock::time_point()> now)
    : impl_(std::make_unique<Impl>()) {
  impl_->core = std::move(core);
  impl_->home = std::move(home);
  impl_->now = std::move(now);
}

CoreClassConnection::~CoreClassConnection() = default;

bool CoreClassConnection::resume() {
  if (!impl_->core->resume()) return false;
  impl_->take_session();
  return true;
}

// The game came from its server: there is nothing to search for.
void CoreClassConnection::discover() {}

bool CoreClassConnection::asks_address() const { return impl_->home.host.empty(); }

DiscoveryState CoreClassConnection::discovery() const {
  return {false, true, {impl_->home.host + ":" + std::to_string(impl_->home.port)}};
}

void CoreClassConnection::join(const std::string& code, const std::string& typed_address) {
  Impl& d = *impl_;
  if (d.attempt.busy) return;
  client::ServerAddress server = d.home;
  if (!typed_address.empty()) {
    auto typed = client::parse_server_address(typed_address);
    if (!typed) {
      d.attempt = {false, JoinFailure::BadAddress, 0};
      return;
    }
    server = *typed;
  }
  d.attempt = {true, JoinFailure::None, 0};
  d.session = {};
  d.core->join(server, code);
}

void CoreClassConnection::poll() {
  Impl& d = *impl_;
  const std::optional<client::JoinOutcome> outcome = d.core->poll(d.now());
  if (!outcome) return;
  d.attempt = {false, failure_of(outcome->error), outcome->retry_after_seconds};
  d.take_session();
}

JoinAttempt CoreClassConnection::join_attempt() const {
  return impl_->attempt;
}

const ClassSession* CoreClassConnection::session() const {
  return impl_->core->has_session() ? &impl_->session : nullptr;
}

ClassStatus CoreClassConnection::status() const {
  return impl_->core->has_session() ? status_of(impl_->core->status()) : ClassStatus::Offline;
}

std::size_t CoreClassConnection::pending() const {
  return impl_->core->pending();
}

EventSink* CoreClassConnection::sink() {
  return impl_->core->has_session() ? impl_.get() : nullptr;
}

void CoreClassConnection::leave() {
  impl_->core->leave();
  impl_->take_session();
}

client::ClassCore& CoreClassConnection::core() {
  return *impl_->core;
}

}  // namespace upstander::app
