// "Join my class": the seam between the game's model and the classroom client
// (game/app/classroom/ wraps game/client/ behind it; NotConnected stands in on builds that
// cannot join). Every call returns at once: an implementation finds servers and joins on
// threads of its own, and poll(), called by the model on the UI thread, brings finished
// work into view, so session(), discovery() and join_attempt() only change there.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "upstander/client/connection_types.hpp"
#include "upstander/protocol/join_message.hpp"
#include "upstander/result.hpp"
#include "upstander/survey.hpp"

namespace upstander {
struct Scenario;
struct Survey;
}  // namespace upstander

namespace upstander::app {

class EventSink;

// The client's words, under the names the game's screens use (one enum each, defined in
// upstander/client/connection_types.hpp): how the class's answers are getting on (each has
// a game.class.status.<name> string), why joining failed (game.class.join.error.<name>),
// and the pseudonym's word ids.
using ClassStatus = client::ConnectionStatus;
using JoinError = client::JoinError;
using ClassPseudonym = protocol::Pseudonym;

// The session this computer is in, with the content the server served (checked and loaded
// by the client). The pointers live as long as the session does.
struct ClassSession {
  std::string id;
  std::string language;
  bool collecting = true;
  ClassPseudonym pseudonym;
  std::vector<const Scenario*> scenarios;      // in the teacher's order
  const Survey* survey = nullptr;              // nullptr: this session has no survey
  SurveyOrder survey_order = SurveyOrder::AB;  // which form comes before play (the server's)
};

struct DiscoveryState {
  bool searching = false;
  bool done = false;                 // a search finished (servers may still be empty)
  std::vector<std::string> servers;  // "10.0.0.5:8080", in the order they answered
};

struct JoinAttempt {
  bool busy = false;
  JoinError failure = JoinError::None;  // of the last finished attempt
  int retry_after_seconds = 0;          // with TooManyTries
};

// The attempt as the join screen shows it once the client's join has finished (both real
// links use it, whatever the success carries).
template <class T>
JoinAttempt finished_attempt(const Result<T, client::JoinFailure>& joined) {
  if (joined.ok()) return {false, JoinError::None, 0};
  return {false, joined.error().code, joined.error().retry_after_seconds};
}

class ClassLink {
 public:
  virtual ~ClassLink() = default;
  // Whether this build can join a class at all; when not, unavailable_key() says why.
  virtual bool available() const = 0;
  virtual std::string unavailable_key() const = 0;

  // Picks up the session saved on this computer by an earlier start (true if there is one).
  // Touches nothing on disk when there is none: solo players get no class files.
  virtual bool resume() = 0;
  // Starts looking for classroom servers on the local network.
  virtual void discover() = 0;
  // Starts joining with `code`; an empty `typed_address` tries the servers discovery found
  // (waiting for a search still running). Any earlier session is replaced.
  virtual void join(const std::string& code, const std::string& typed_address) = 0;
  // Brings finished background work into view. The model calls it on every frame.
  virtual void poll() = 0;
  virtual DiscoveryState discovery() const = 0;
  virtual JoinAttempt join_attempt() const = 0;
  // Whether the join screen asks for a server address. Not in the browser: the page's own
  // server is the class's, and a typed address could lead nowhere else.
  virtual bool asks_address() const { return true; }

  // The joined or resumed session; nullptr when there is none.
  virtual const ClassSession* session() const = 0;
  virtual ClassStatus status() const = 0;
  // Answers kept on this computer that the server has not confirmed yet.
  virtual std::size_t pending() const = 0;
  // Where this session's events go; nullptr without a session.
  virtual EventSink* sink() = 0;
  // Forgets the session on this computer (its token, content and anything still waiting).
  virtual void leave() = 0;
};

// A build without the classroom client: the mode screen says so honestly.
class NotConnected final : public ClassLink {
 public:
  bool available() const override { return false; }
  std::string unavailable_key() const override { return "game.mode.class_unavailable"; }
  bool resume() override { return false; }
  void discover() override {}
  void join(const std::string&, const std::string&) override {}
  void poll() override {}
  DiscoveryState discovery() const override { return {}; }
  JoinAttempt join_attempt() const override { return {}; }
  const ClassSession* session() const override { return nullptr; }
  ClassStatus status() const override { return ClassStatus::Offline; }
  std::size_t pending() const override { return 0; }
  EventSink* sink() override { return nullptr; }
  void leave() override {}
};

}  // namespace upstander::app
