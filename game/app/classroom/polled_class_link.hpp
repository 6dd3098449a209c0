// The model's ClassLink over the poll-driven ClassCore, with no thread: the browser
// build uses it with its fetch transport and browser store (game/client/web/), tests with
// fakes. The model's poll() drives the core, so everything happens on the UI thread. There
// is no discovery here: without a typed address it joins `home`, the server the game was
// loaded from (in the browser, the page's own origin).
#pragma once

#include <memory>

#include "class_link.hpp"
#include "upstander/client/class_core.hpp"

namespace upstander::app {

class PolledClassLink final : public ClassLink {
 public:
  using Clock = client::ClassCore::Clock;
  PolledClassLink(
      std::unique_ptr<client::ClassCore> core, client::ServerAddress home,
      std::function<Clock::time_point()> now = [] { return Clock::now(); });
  ~PolledClassLink() override;

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

}  // namespace upstander::app
