// The ApiChannel of a dashboard that has no thread (the browser): requests go one at a time
// through the student client's Transport (fetch() in the browser), and apply_finished(),
// called every frame, takes the answer and starts the next. Signed in with the page's
// cookie, every request carries the CSRF token the server gave for it.
#pragma once

#include <deque>
#include <memory>
#include <utility>

#include "api_channel.hpp"
#include "upstander/client/transport.hpp"

namespace upstander::dashboard {

class TransportChannel final : public ApiChannel {
 public:
  TransportChannel(std::unique_ptr<client::Transport> transport, ServerUrl server);

  const ServerUrl& server() const override { return server_; }
  void send(ApiRequest request, Answer on_answer) override;
  int apply_finished() override;
  bool idle() const override { return queue_.empty(); }
  void wait_idle() const override {}  // nothing to wait on: answers come in apply_finished

  // Sent as X-Upstander-CSRF with every request from now on ("" for none).
  void set_csrf(std::string csrf) { csrf_ = std::move(csrf); }
  const std::string& csrf() const { return csrf_; }
  // How many answers were 401 on a teacher route (the cookie is gone or expired).
  int unauthorized() const { return unauthorized_; }

 private:
  void start_front();

  std::unique_ptr<client::Transport> transport_;
  ServerUrl server_;
  std::string csrf_;
  std::deque<std::pair<ApiRequest, Answer>> queue_;  // the front one is in flight
  bool in_flight_ = false;
  int unauthorized_ = 0;
};

}  // namespace upstander::dashboard
