// Read-only work (summaries, exports, lists) on connections of its own, so reading never
// waits for the writer: in WAL mode readers see the last commit while the writer goes on.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "sqlite_db.hpp"

namespace upstander::server {

class ReaderPool {
 public:
  // Opens `count` connections to `path`; the first failure stops it.
  DbStatus open(const std::string& path, std::size_t count, int busy_timeout_ms);

  // A connection for the caller alone until the lease ends.
  class Lease {
   public:
    Lease(ReaderPool& pool, std::unique_ptr<Database> db) : pool_(pool), db_(std::move(db)) {}
    ~Lease() { pool_.give_back(std::move(db_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Database& db() { return *db_; }

   private:
    ReaderPool& pool_;
    std::unique_ptr<Database> db_;
  };
  Lease lease();

 private:
  void give_back(std::unique_ptr<Database> db);

  std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Database>> free_;
};

}  // namespace upstander::server
