// One background thread that makes the dashboard's HTTP calls, so a slow network never
// freezes the projector. A job runs there and returns what to do with its answer; that part
// runs on the UI thread when the frame loop calls apply_finished(), so the model is only
// ever touched by one thread.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "api_client.hpp"

namespace upstander::dashboard {

class ApiWorker {
 public:
  using Apply = std::function<void()>;
  using Job = std::function<Apply(const ApiClient&)>;

  explicit ApiWorker(const ApiClient& api);
  ~ApiWorker();  // finishes the running job, drops the rest
  ApiWorker(const ApiWorker&) = delete;
  ApiWorker& operator=(const ApiWorker&) = delete;

  void submit(Job job);
  // On the UI thread: runs the answers of finished jobs in the order the jobs were given.
  // Returns how many ran.
  int apply_finished();
  // True when no job is waiting or running (finished answers may still wait for apply).
  bool idle() const;
  void wait_idle() const;

 private:
  void run();

  const ApiClient& api_;
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  std::deque<Job> jobs_;
  std::deque<Apply> done_;
  bool running_job_ = false;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace upstander::dashboard
