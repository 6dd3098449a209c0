// The model's ClassConnection over the poll-driven ClassCore, with no thread: the browser
// build uses it with its fetch transport and browser store (game/client/web/), tests with
// fakes. The model's poll() drives the core, so everything happens on the UI thread. There
// is no discovery here: without a typed address it joins `home`, the server the game was
// loaded from (in the browser, the page's own origin).
#pragma once

#include <memory>

#include "class_connection.hpp"
#include "upstander/client/class_core.hpp"

namespace upstander::app {

class CoreClassConnection final : public ClassConnection {
 public:
  using Clock = client::ClassCore::Clock;
  CoreClassConnection(
      std::unique_ptr<client::ClassCore> core, client::ServerAddress home,
      std::function<Clock::time_point()> now = [] { return Clock::now(); });
  ~CoreClassConnection() override;

  bool available() const override { return true; }
  std::string unavailable_key() const override { return ""; }
  bool resume() override;
  void discover() override;
  void join(const std::string& code, const std::string& typed_address) override;
  void poll() override;
  DiscoveryState discovery() const override;
  JoinAttempt join_attempt() const override;
  bool asks_address() const override;
  const ClassSession* session() const override;
  ClassStatus status() const override;
  std::size_t pending() const override;
  EventSink* sink() override;
  void leave() override;

  client::ClassCore& core();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// The model's names for the client's states (shared with ClientClassConnection).
JoinFailure failure_of(client::JoinError e);
ClassStatus status_of(client::ConnectionStatus s);

}  // namespace upstander::app
