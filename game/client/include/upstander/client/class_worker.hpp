// The student's side of a class session, for the game to use without knowing HTTP:
// join with a code, play the session's content (checked against its hash and loaded with
// the engine), and hand every event to submit(). Events are written to a durable local
// queue before submit() returns and a background thread drives the same ClassCore the
// browser polls (class_core.hpp), retrying with backoff until the server confirms them. The game
// keeps working when the server is gone; status() and pending() say what to show ("offline, 12
// waiting").
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "upstander/client/class_store.hpp"
#include "upstander/client/connection_types.hpp"
#include "upstander/client/server_address.hpp"
#include "upstander/locale_strings.hpp"
#include "upstander/result.hpp"
#include "upstander/runner_event.hpp"
#include "upstander/scenario.hpp"
#include "upstander/survey.hpp"

namespace upstander::client {

// "calm otter 42" in the given language; the ids themselves if a word is missing.
std::string display_name(const Pseudonym& p, const LocaleStrings& locale);

struct ConnectionOptions {
  std::string data_dir;  // the student's own data folder; the queue and content copy live here
  std::chrono::milliseconds connect_timeout{3000};
  std::chrono::milliseconds request_timeout{10000};
  std::chrono::milliseconds backoff_min{500};
  std::chrono::milliseconds backoff_max{4000};  // back online within 5 s of a restart
  std::size_t batch_size = 200;
};

class ClassWorker {
 public:
  // Joins the session with this code. Replaces any session saved in data_dir. Blocks for
  // up to connect_timeout + request_timeout: call it off the UI thread.
  static Result<std::unique_ptr<ClassWorker>, JoinFailure> join(const ServerAddress& server,
                                                                std::string_view code,
                                                                const ConnectionOptions& options);
  // The session saved in data_dir (after the game was closed), with its content and its
  // waiting events; nullptr when there is none.
  static std::unique_ptr<ClassWorker> resume(const ConnectionOptions& options);

  ~ClassWorker();
  ClassWorker(const ClassWorker&) = delete;
  ClassWorker& operator=(const ClassWorker&) = delete;

  // Queues events durably (one disk write for the lot) and wakes the sender. False only if
  // the local disk refuses; nothing is queued while data collection is off.
  bool submit(std::span<const RunnerEvent> events);
  bool submit(const RunnerEvent& event) { return submit(std::span<const RunnerEvent>(&event, 1)); }
  // A survey answer, 1-5: the form the student saw and whether it was before or after play
  // (see survey_order()).
  bool submit_survey(std::string_view item, SurveyForm form, SurveyPhase phase, int value);

  ConnectionStatus status() const;
  std::size_t pending() const;
  // Events the server refused as invalid (a bug, or content changed under the session).
  std::size_t dropped() const;

  const Pseudonym& pseudonym() const;
  const std::string& language() const;
  bool collecting() const;
  const std::string& session_id() const;
  const std::string& content_hash() const;
  std::vector<const Scenario*> scenarios() const;
  const Survey* survey() const;  // nullptr when the session has no survey
  // Which form comes before play, as the server assigned it on joining (AB from a server
  // that does not assign one).
  SurveyOrder survey_order() const;

  // Waits until nothing is pending (true) or the timeout passes (false).
  bool flush(std::chrono::milliseconds timeout);
  // Ends this student's part: stops sending and deletes the saved session, its content and
  // any waiting events from this computer.
  void leave();

  struct Impl;

 private:
  explicit ClassWorker(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace upstander::client
