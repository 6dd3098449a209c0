// The native ApiChannel: one background thread that makes the dashboard's HTTP calls with
// ApiClient, so a slow network never freezes the projector. Answers run on the UI thread
// in apply_finished(), so the model is only ever touched by one thread.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>

#include "api_channel.hpp"
#include "api_client.hpp"

namespace upstander::dashboard {

class ApiWorker final : public ApiChannel {
 public:
  explicit ApiWorker(const ApiClient& api);
  ~ApiWorker() override;  // finishes the running call, drops the rest
  ApiWorker(const ApiWorker&) = delete;
  ApiWorker& operator=(const ApiWorker&) = delete;

  const ServerUrl& server() const override { return api_.server(); }
  void send(ApiRequest request, Answer on_answer) override;
  int apply_finished() override;
  bool idle() const override;
  void wait_idle() const override;

 private:
  void run();

  const ApiClient& api_;
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  std::deque<std::pair<ApiRequest, Answer>> jobs_;
  std::deque<std::pair<ApiResult, Answer>> done_;
  bool running_job_ = false;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace upstander::dashboard
