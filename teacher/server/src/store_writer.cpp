// Group commit with per-job savepoints.
#include "store_writer.hpp"

#include <vector>

namespace upstander::server {

StoreWriter::StoreWriter(Database db, std::size_t capacity, std::size_t max_jobs_per_transaction)
    : db_(std::move(db)), capacity_(capacity), max_group_(max_jobs_per_transaction) {
  thread_ = std::thread([this] { loop(); });
}

StoreWriter::~StoreWriter() {
  stop();
}

void StoreWriter::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

StoreWriter::Stats StoreWriter::stats() const {
  std::lock_guard lock(mu_);
  return stats_;
}

std::optional<std::future<DbStatus>> StoreWriter::enqueue(Job job) {
  std::future<DbStatus> f = job.done.get_future();
  {
    std::lock_guard lock(mu_);
    if (stopping_ || queue_.size() >= capacity_) {
      ++stats_.rejected_full;
      return std::nullopt;
    }
    queue_.push_back(std::move(job));
  }
  cv_.notify_one();
  return f;
}

std::optional<std::future<DbStatus>> StoreWriter::submit(Work work, AfterCommit after) {
  return enqueue(Job{std::move(work), std::move(after), false, {}});
}

std::optional<std::future<DbStatus>> StoreWriter::submit_alone(Work work) {
  return enqueue(Job{std::move(work), {}, true, {}});
}

namespace {
DbStatus wait_for(std::optional<std::future<DbStatus>> f) {
  if (!f) return fail(failure_of(5 /* SQLITE_BUSY */, "the database writer is overloaded"));
  return f->get();
}
}  // namespace

DbStatus StoreWriter::run(Work work, AfterCommit after) {
  return wait_for(submit(std::move(work), std::move(after)));
}

DbStatus StoreWriter::run_alone(Work work) {
  return wait_for(submit_alone(std::move(work)));
}

void StoreWriter::loop() {
  while (true) {
    std::deque<Job> group;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping and drained
      if (queue_.front().alone) {
        group.push_back(std::move(queue_.front()));
        queue_.pop_front();
      } else {
        while (!queue_.empty() && !queue_.front().alone && group.size() < max_group_) {
          group.push_back(std::move(queue_.front()));
          queue_.pop_front();
        }
      }
    }
    if (group.front().alone) {
      run_alone_job(group.front());
    } else {
      run_group(group);
    }
  }
}

void StoreWriter::run_alone_job(Job& job) {
  DbStatus s;
  try {
    s = job.work(db_);
  } catch (const std::exception& e) {
    s = fail(failure_of(1, std::string("internal error: ") + e.what()));
  }
  {
    std::lock_guard lock(mu_);
    ++stats_.jobs;
  }
  job.done.set_value(std::move(s));
}

void StoreWriter::run_group(std::deque<Job>& group) {
  std::vector<DbStatus> results(group.size());
  DbStatus commit;
  {
    Transaction tx(db_);
    if (!tx.begun().ok()) {
      commit = tx.begun();
    } else {
      for (std::size_t i = 0; i < group.size(); ++i) {
        db_.prepare("SAVEPOINT job").run();
        try {
          results[i] = group[i].work(db_);
        } catch (const std::exception& e) {
          // A bug in a job must not take the server down; it fails alone.
          results[i] = fail(failure_of(1, std::string("internal error: ") + e.what()));
        }
        if (!results[i].ok()) db_.prepare("ROLLBACK TO job").run();
        db_.prepare("RELEASE job").run();
      }
      commit = tx.commit();
    }
  }
  for (std::size_t i = 0; i < group.size(); ++i) {
    if (!commit.ok()) {
      if (results[i].ok()) results[i] = commit;
    } else if (results[i].ok() && group[i].after) {
      try {
        group[i].after();
      } catch (const std::exception&) {
        // The data is committed; a failed cache update heals at the next restart.
      }
    }
  }
  {
    std::lock_guard lock(mu_);
    stats_.jobs += group.size();
    ++stats_.transactions;
  }
  for (std::size_t i = 0; i < group.size(); ++i) group[i].done.set_value(std::move(results[i]));
}

}  // namespace upstander::server
