// The student's class connection as a state machine with no thread and no blocking call:
// join with a code, check and load the served content, keep every event in a durable
// outbox, send it in batches with backoff and forget it only once the server confirmed it.
// Whoever owns it calls poll() (every frame in the browser, from a worker thread natively);
// the platform supplies the Transport and the ClassStore. Not thread-safe: one caller.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "upstander/client/class_store.hpp"
#include "upstander/client/connection_types.hpp"
#include "upstander/client/store_error.hpp"
#include "upstander/client/transport.hpp"
#include "upstander/content_file.hpp"
#include "upstander/result.hpp"
#include "upstander/runner_event.hpp"
#include "upstander/survey.hpp"

namespace upstander::client {

struct CoreOptions {
  // After a failure the next try comes within backoff_max (issue 12: students are back
  // online within 5 s of a server restart), unless the server asks for longer.
  std::chrono::milliseconds backoff_min{500};
  std::chrono::milliseconds backoff_max{4000};
  std::size_t batch_size = 200;
  // With nothing to send, how often the session's state is asked for, so a student learns
  // that the teacher ended the class at once, not at the next answer (issue 15).
  std::chrono::milliseconds status_every{5000};
  std::uint64_t seed = 1;  // for the backoff's jitter
  // A fresh event id, nullopt when none can be made; empty: protocol::random_event_id().
  std::function<std::optional<std::string>()> new_id;
};

class ClassCore {
 public:
  using Clock = std::chrono::steady_clock;
  // Opens the store on first need (a join that succeeds, or resume()), so a device that
  // never joined gets no files.
  using StoreOpener = std::function<StoreResult<std::unique_ptr<ClassStore>>()>;

  ClassCore(std::unique_ptr<Transport> transport, StoreOpener open_store, CoreOptions options);
  ~ClassCore();
  ClassCore(const ClassCore&) = delete;
  ClassCore& operator=(const ClassCore&) = delete;

  // Starts joining; the session in memory is dropped at once and the saved one is replaced
  // when the join succeeds. poll() returns the outcome.
  void join(const ServerAddress& server, std::string_view code);
  bool joining() const;
  // Loads the session saved on this device with its waiting events (false: none, or its
  // content no longer checks out).
  bool resume();

  // Takes a finished reply and starts whatever is due. Returns a join's outcome in the
  // call that finished it: success (session() holds the session) or why it failed.
  std::optional<Result<void, JoinFailure>> poll(Clock::time_point now);
  // When poll() has timed work next (a retry); nullopt when it only waits for a reply or
  // for submit(). A time in the past means now.
  std::optional<Clock::time_point> next_due() const;

  // Stores events durably (one write for the lot) before returning; they are sent from
  // poll(). False only if the store refuses or the system gives no random bytes for ids;
  // nothing is kept while data collection is off
  // or after the session ended.
  bool submit(std::span<const RunnerEvent> events);
  bool submit(const RunnerEvent& event) { return submit(std::span<const RunnerEvent>(&event, 1)); }
  bool submit_survey(std::string_view item, SurveyForm form, SurveyPhase phase, int value);

  bool has_session() const;
  ConnectionStatus status() const;
  std::size_t pending() const;
  std::size_t dropped() const;
  // Nothing left to do for now: nothing waiting, or nothing that will ever be sent.
  bool settled() const;

  const SavedSession& session() const;  // valid while has_session()
  std::vector<const Scenario*> scenarios() const;
  const Survey* survey() const;

  // Ends this student's part: stops sending and deletes the saved session, its content and
  // any waiting events from this device.
  void leave();

 private:
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace upstander::client
