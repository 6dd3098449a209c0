// A fixed set of threads serving a bounded queue. push() waits while the queue is full,
// so a burst of connections backs up into the kernel's listen queue instead of memory.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace upstander::server {

class WorkerPool {
 public:
  WorkerPool(std::size_t threads, std::size_t capacity);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues the task, waiting for room. After shutdown() the task runs on the caller's
  // thread, so it is never lost (it owns a socket that must be closed).
  void push(std::function<void()> task);
  // Runs what is queued, then joins the threads. Idempotent.
  void shutdown();

 private:
  void work();

  const std::size_t capacity_;
  std::mutex mu_;
  std::condition_variable has_task_;
  std::condition_variable has_room_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace upstander::server
