// A class connection that does exactly what it is told, the same way every time: the tour
// renders the class screens with it, and the model tests drive every case through it
// (join errors, the server going away, data collection off, the session ending).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "class_link.hpp"
#include "event_sink.hpp"

namespace upstander::app {

class ScriptedClassLink final : public ClassLink, private EventSink {
 public:
  // --- The script, set before the model acts.
  std::vector<std::string> servers_found;  // what a search finds
  bool discovery_finishes = true;          // false: the search keeps going
  JoinError join_outcome = JoinError::None;
  int retry_after_seconds = 0;
  bool join_finishes = true;  // false: joining stays busy until finish_join()
  ClassSession offered;       // the session a successful join (or resume()) gives
  bool saved = false;         // resume() finds `offered` on this computer

  // --- Events of the outside world.
  // Online and Sending deliver everything waiting; Offline keeps new answers waiting.
  void set_status(ClassStatus s);
  void finish_join();
  void finish_discovery();

  // --- What reached it.
  std::vector<RunnerEvent> events;  // every runner event accepted for sending
  std::vector<SurveyAnswer> answers;
  std::vector<std::pair<std::string, std::string>> join_requests;  // code, typed address
  int discover_calls = 0;
  int leave_calls = 0;

  // ClassLink
  bool available() const override { return true; }
  std::string unavailable_key() const override { return ""; }
  bool resume() override;
  void discover() override;
  void join(const std::string& code, const std::string& typed_address) override;
  void poll() override;
  DiscoveryState discovery() const override { return discovery_; }
  JoinAttempt join_attempt() const override { return attempt_; }
  const ClassSession* session() const override { return has_session_ ? &offered : nullptr; }
  ClassStatus status() const override { return status_; }
  std::size_t pending() const override { return pending_; }
  EventSink* sink() override { return has_session_ ? this : nullptr; }
  void leave() override;

 private:
  void runner_events(const std::vector<RunnerEvent>& e) override;
  void survey_answer(const SurveyAnswer& a) override;
  // Whether an answer is kept for sending at all (not with collection off or after the end).
  bool accepting() const;
  void take_session();

  DiscoveryState discovery_;
  JoinAttempt attempt_;
  bool join_ready_ = false;
  bool has_session_ = false;
  ClassStatus status_ = ClassStatus::Online;
  std::size_t pending_ = 0;
};

}  // namespace upstander::app
