// The native ClassStore: one SQLite file in the student's data folder. Every write is
// committed with a full sync before it returns, so a closed lid or a crash loses nothing
// that submit() accepted.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "upstander/client/class_store.hpp"
#include "upstander/client/store_error.hpp"

struct sqlite3;

namespace upstander::client {

class LocalStore final : public ClassStore {
 public:
  // Creates the folder (owner-only) and the file on first use.
  static StoreResult<std::unique_ptr<ClassStore>> open(const std::string& dir);
  ~LocalStore() override;
  LocalStore(const LocalStore&) = delete;
  LocalStore& operator=(const LocalStore&) = delete;

  // Replaces the saved session (and empties the outbox: it belonged to the old one).
  bool save_session(const SavedSession& s) override;
  std::optional<SavedSession> load_session() override;

  // One transaction for the lot: all queued or none.
  bool enqueue(const std::vector<std::pair<std::string, std::string>>& id_and_body) override;
  std::vector<QueuedEvent> peek(std::size_t max) override;
  bool remove(const std::vector<std::string>& ids) override;
  std::size_t count() override;
  bool clear_outbox() override;
  // Deletes the session, its content and the outbox (secure_delete zeroes them on disk).
  bool forget() override;

 private:
  LocalStore() = default;
  bool exec(const char* sql);
  sqlite3* db_ = nullptr;
  std::mutex mu_;
};

}  // namespace upstander::client
