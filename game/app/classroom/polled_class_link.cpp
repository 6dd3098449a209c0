// Driving the class core from the model's poll().
#include "polled_class_link.hpp"

#include "event_sink.hpp"

namespace upstander::app {

struct PolledClassLink::Impl final : EventSink {
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

PolledClassLink::PolledClassLink(std::unique_ptr<client::ClassCore> core,
                                 client::ServerAddress home, std::function<Clock::time_point()> now)
    : impl_(std::make_unique<Impl>()) {
  impl_->core = std::move(core);
  impl_->home = std::move(home);
  impl_->now = std::move(now);
}

PolledClassLink::~PolledClassLink() = default;

bool PolledClassLink::resume() {
  if (!impl_->core->resume()) return false;
  impl_->take_session();
  return true;
}

// The game came from its server: there is nothing to search for.
void PolledClassLink::discover() {}

bool PolledClassLink::asks_address() const {
  return impl_->home.host.empty();
}

DiscoveryState PolledClassLink::discovery() const {
  return {false, true, {impl_->home.host + ":" + std::to_string(impl_->home.port)}};
}

void PolledClassLink::join(const std::string& code, const std::string& typed_address) {
  Impl& d = *impl_;
  if (d.attempt.busy) return;
  client::ServerAddress server = d.home;
  if (!typed_address.empty()) {
    auto typed = client::parse_server_address(typed_address);
    if (!typed) {
      d.attempt = {false, JoinError::BadAddress, 0};
      return;
    }
    server = *typed;
  }
  d.attempt = {true, JoinError::None, 0};
  d.session = {};
  d.core->join(server, code);
}

void PolledClassLink::poll() {
  Impl& d = *impl_;
  const auto outcome = d.core->poll(d.now());
  if (!outcome) return;
  d.attempt = finished_attempt(*outcome);
  d.take_session();
}

JoinAttempt PolledClassLink::join_attempt() const {
  return impl_->attempt;
}

const ClassSession* PolledClassLink::session() const {
  return impl_->core->has_session() ? &impl_->session : nullptr;
}

ClassStatus PolledClassLink::status() const {
  return impl_->core->has_session() ? impl_->core->status() : ClassStatus::Offline;
}

std::size_t PolledClassLink::pending() const {
  return impl_->core->pending();
}

EventSink* PolledClassLink::sink() {
  return impl_->core->has_session() ? impl_.get() : nullptr;
}

void PolledClassLink::leave() {
  impl_->core->leave();
  impl_->take_session();
}

client::ClassCore& PolledClassLink::core() {
  return *impl_->core;
}

}  // namespace upstander::app
