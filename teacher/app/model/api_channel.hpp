// How the dashboard model reaches the server without ever waiting for it: a request is
// handed over with what to do with its answer, and the answers run on the UI thread when
// the frame loop calls apply_finished(). Natively a worker thread makes the calls
// (ApiWorker); in the browser, fetch() does, polled each frame (TransportChannel).
#pragma once

#include <functional>

#include "api_request.hpp"

namespace upstander::dashboard {

class ApiChannel {
 public:
  using Answer = std::function<void(const ApiResult&)>;

  virtual ~ApiChannel() = default;

  // The server the calls go to (for the teacher's messages and the join address).
  virtual const ServerUrl& server() const = 0;
  // Requests are sent one after another, in the order given.
  virtual void send(ApiRequest request, Answer on_answer) = 0;
  // On the UI thread: runs the answers that arrived, in order. Returns how many ran.
  virtual int apply_finished() = 0;
  // True when no request is waiting or in flight (answers may still wait for apply).
  virtual bool idle() const = 0;
  // Blocks until idle where the platform can block (tests, the tour); the browser cannot,
  // and returns at once.
  virtual void wait_idle() const = 0;
};

}  // namespace upstander::dashboard
