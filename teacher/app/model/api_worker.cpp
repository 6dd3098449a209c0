// The worker loop.
#include "api_worker.hpp"

namespace upstander::dashboard {

ApiWorker::ApiWorker(const ApiClient& api) : api_(api), thread_([this] { run(); }) {}

ApiWorker::~ApiWorker() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
    jobs_.clear();
  }
  cv_.notify_all();
  thread_.join();
}

void ApiWorker::submit(Job job) {
  {
    std::lock_guard lock(mu_);
    jobs_.push_back(std::move(job));
  }
  cv_.notify_all();
}

int ApiWorker::apply_finished() {
  std::deque<Apply> ready;
  {
    std::lock_guard lock(mu_);
    ready.swap(done_);
  }
  for (auto& a : ready) {
    if (a) a();
  }
  return static_cast<int>(ready.size());
}

bool ApiWorker::idle() const {
  std::lock_guard lock(mu_);
  return jobs_.empty() && !running_job_;
}

void ApiWorker::wait_idle() const {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [this] { return jobs_.empty() && !running_job_; });
}

void ApiWorker::run() {
  std::unique_lock lock(mu_);
  while (true) {
    cv_.wait(lock, [this] { return stop_ || !jobs_.empty(); });
    if (stop_) return;
    Job job = std::move(jobs_.front());
    jobs_.pop_front();
    running_job_ = true;
    lock.unlock();
    Apply apply = job(api_);
    lock.lock();
    running_job_ = false;
    done_.push_back(std::move(apply));
    cv_.notify_all();
  }
}

}  // namespace upstander::dashboard
