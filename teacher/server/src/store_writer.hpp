// The one thread that writes to the database. Requests hand it jobs through a bounded
// queue; it runs as many waiting jobs as it can in one BEGIN IMMEDIATE transaction (each
// in its own savepoint, so one failing job does not undo the others), commits, and only
// then reports success: an event is acknowledged only once it is committed.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <thread>

#include "sqlite_db.hpp"

namespace upstander::server {

class StoreWriter {
 public:
  // Runs inside the writer's transaction; returns an error to roll back only this job.
  using Work = std::function<DbStatus(Database&)>;
  // Runs on the writer thread after the commit, before the submitter is told (in-memory
  // state that must change only with the database).
  using AfterCommit = std::function<void()>;

  struct Stats {
    std::uint64_t jobs = 0;
    std::uint64_t transactions = 0;
    std::uint64_t rejected_full = 0;
  };

  StoreWriter(Database db, std::size_t capacity, std::size_t max_jobs_per_transaction = 512);
  ~StoreWriter();
  StoreWriter(const StoreWriter&) = delete;
  StoreWriter& operator=(const StoreWriter&) = delete;

  // nullopt when the queue is full or the writer has stopped (the caller answers 503).
  std::optional<std::future<DbStatus>> submit(Work work, AfterCommit after = {});
  // A job that must run outside any transaction (a WAL checkpoint after a purge).
  std::optional<std::future<DbStatus>> submit_alone(Work work);
  // submit() and wait for the outcome; a full queue is reported as a DbError::Busy failure. There
  // is no timeout: jobs may refer to the caller's stack, so the caller waits until its job has run
  // (every statement is bounded by the busy timeout).
  DbStatus run(Work work, AfterCommit after = {});
  DbStatus run_alone(Work work);

  // Finishes every queued job, then stops the thread. Idempotent.
  void stop();
  Stats stats() const;

 private:
  struct Job {
    Work work;
    AfterCommit after;
    bool alone = false;
    std::promise<DbStatus> done;
  };

  std::optional<std::future<DbStatus>> enqueue(Job job);
  void loop();
  void run_group(std::deque<Job>& group);
  void run_alone_job(Job& job);

  Database db_;
  const std::size_t capacity_;
  const std::size_t max_group_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  Stats stats_;
  std::thread thread_;
};

}  // namespace upstander::server
