// The HTTP worker threads.
#include "worker_pool.hpp"

namespace upstander::server {

WorkerPool::WorkerPool(std::size_t threads, std::size_t capacity)
    : capacity_(capacity == 0 ? 1 : capacity) {
  threads_.reserve(threads);
  for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() {
  shutdown();
}

void WorkerPool::push(std::function<void()> task) {
  {
    std::unique_lock lock(mu_);
    has_room_.wait(lock, [this] { return stopping_ || tasks_.size() < capacity_; });
    if (!stopping_) {
      tasks_.push_back(std::move(task));
      lock.unlock();
      has_task_.notify_one();
      return;
    }
  }
  task();
}

void WorkerPool::shutdown() {
  {
    std::lock_guard lock(mu_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  has_task_.notify_all();
  has_room_.notify_all();
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
  threads_.clear();
}

void WorkerPool::work() {
  while (true) {
    std::function<void()> task;
    {
      std::unique_lock lock(mu_);
      has_task_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty()) return;
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    has_room_.notify_one();
    try {
      task();
    } catch (...) {
      // httplib turns handler exceptions into 500s itself; anything else is dropped so
      // the worker keeps serving.
    }
  }
}

}  // namespace upstander::server
