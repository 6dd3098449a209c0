// What the class core keeps on the student's device: the joined session (server, token,
// pseudonym, content) and the outbox of events the server has not confirmed. Every write
// is durable when the call returns (SQLite with a full sync natively, localStorage in the
// browser), so an event is stored before it is sent and survives a closed game or tab.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "upstander/client/server_address.hpp"
#include "upstander/protocol/join_message.hpp"
#include "upstander/survey.hpp"

namespace upstander::client {

using protocol::Pseudonym;
using protocol::ServedFile;

struct SavedSession {
  ServerAddress server;
  std::string session_id;
  std::string token;
  std::string language;
  std::string content_hash;
  bool collect = true;
  SurveyOrder survey_order = SurveyOrder::AB;  // kept so a resumed game asks the same forms
  Pseudonym pseudonym;
  std::vector<ServedFile> files;
};

struct QueuedEvent {
  std::int64_t ord = 0;  // the event's order for the server: never reused
  std::string id;        // made on the device, so a resend is recognised as the same event
  std::string body;      // the event's JSON object without "id" and "ord"
};

class ClassStore {
 public:
  virtual ~ClassStore() = default;
  // Replaces the saved session (and empties the outbox: it belonged to the old one).
  virtual bool save_session(const SavedSession& s) = 0;
  virtual std::optional<SavedSession> load_session() = 0;
  // All queued or none; order numbers keep growing across restarts and removals.
  virtual bool enqueue(const std::vector<std::pair<std::string, std::string>>& id_and_body) = 0;
  // The oldest `max` events, in order.
  virtual std::vector<QueuedEvent> peek(std::size_t max) = 0;
  virtual bool remove(const std::vector<std::string>& ids) = 0;
  virtual std::size_t count() = 0;
  virtual bool clear_outbox() = 0;
  // Deletes the session, its content and the outbox.
  virtual bool forget() = 0;
};

}  // namespace upstander::client
