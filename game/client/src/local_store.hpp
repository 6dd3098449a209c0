// What the client keeps on the student's computer, in one SQLite file: the joined session
// (server, token, pseudonym, content) and the outbox of events not yet confirmed. Every
// write is committed with a full sync before it returns, so a closed lid or a crash loses
// nothing that submit() accepted.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "upstander/client/class_connection.hpp"

struct sqlite3;

namespace upstander::client {

struct ServedFile {
  std::string name;
  std::string type;  // "scenario" or "survey"
  std::string sha256;
  std::string text;
};

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
  std::string id;
  std::string body;  // the event's JSON object without "id" and "ord"
};

class LocalStore {
 public:
  static std::unique_ptr<LocalStore> open(const std::string& dir, std::string& error);
  ~LocalStore();
  LocalStore(const LocalStore&) = delete;
  LocalStore& operator=(const LocalStore&) = delete;

  // Replaces the saved session (and empties the outbox: it belonged to the old one).
  bool save_session(const SavedSession& s);
  std::optional<SavedSession> load_session();

  // One transaction for the lot: all queued or none.
  bool enqueue(const std::vector<std::pair<std::string, std::string>>& id_and_body);
  std::vector<QueuedEvent> peek(std::size_t max);
  bool remove(const std::vector<std::string>& ids);
  std::size_t count();
  bool clear_outbox();
  // Deletes the session, its content and the outbox (secure_delete zeroes them on disk).
  bool forget();

 private:
  LocalStore() = default;
  bool exec(const char* sql);
  sqlite3* db_ = nullptr;
  std::mutex mu_;
};

}  // namespace upstander::client
