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

void ApiWorker::send(ApiRequest request, Answer on_answer) {
  {
    std::lock_guard lock(mu_);
    jobs_.emplace_back(std::move(request), std::move(on_answer));
  }
  cv_.notify_all();
}

int ApiWorker::apply_finished() {
  std::deque<std::pair<ApiResult, Answer>> ready;
  {
    std::lock_guard lock(mu_);
    ready.swap(done_);
  }
  for (auto& [result, answer] : ready) {
    if (answer) answer(result);
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
    auto [request, answer] = std::move(jobs_.front());
    jobs_.pop_front();
    running_job_ = true;
    lock.unlock();
    ApiResult result = api_.send(request);
    lock.lock();
    running_job_ = false;
    done_.emplace_back(std::move(result), std::move(answer));
    cv_.notify_all();
  }
}

}  // namespace upstander::dashboard
