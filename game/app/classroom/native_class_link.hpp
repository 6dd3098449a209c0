// The classroom client (game/client/) behind the model's ClassLink: the search for
// servers and joining run on threads of their own (both block for seconds), and the
// session's events go to the client's durable queue and background sender.
#pragma once

#include <filesystem>
#include <memory>

#include "class_link.hpp"
#include "upstander/client/class_worker.hpp"
#include "upstander/client/discovery.hpp"

namespace upstander::app {

struct NativeClassLinkOptions {
  // The client keeps its files (token, content, waiting answers) in `data_dir`/class; the
  // folder exists only while the student is in a class.
  std::filesystem::path data_dir;
  client::DiscoveryOptions discovery;
  client::ConnectionOptions connection;  // its data_dir is set from `data_dir`
};

class NativeClassLink final : public ClassLink {
 public:
  explicit NativeClassLink(NativeClassLinkOptions options);
  // Waits for a search or a join still running (each bounded by its timeouts).
  ~NativeClassLink() override;
  NativeClassLink(const NativeClassLink&) = delete;
  NativeClassLink& operator=(const NativeClassLink&) = delete;

  bool available() const override { return true; }
  std::string unavailable_key() const override { return ""; }
  bool resume() override;
  void discover() override;
  void join(const std::string& code, const std::string& typed_address) override;
  void poll() override;
  DiscoveryState discovery() const override;
  JoinAttempt join_attempt() const override;
  const ClassSession* session() const override;
  ClassStatus status() const override;
  std::size_t pending() const override;
  EventSink* sink() override;
  void leave() override;

  // The client underneath, for tests that wait for delivery; nullptr without a session.
  client::ClassWorker* client();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace upstander::app
