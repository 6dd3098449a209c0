// The accepting side of the HTTP server: one thread polls every connection and reads a
// whole request (head and body) within a deadline and the size limits before a worker
// thread sees it, so a slow or half-open connection costs a buffer, never a worker.
// Connections are capped per address and in total; idle keep-alive connections are
// closed. Why not cpp-httplib's own loop: it hands each accepted connection to a pool
// thread that then blocks in read() while the headers trickle in, and its read timeout
// restarts on every byte, so ~70 connections sending a byte every few seconds held all
// workers and nobody else was answered (issue 16). Its request parser and routing are
// still used, on the bytes read here (see http_frontend.cpp).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "network_error.hpp"
#include "request_framer.hpp"

namespace upstander::server {

struct FrontLimits {
  FramingLimits framing;
  double request_seconds = 10;    // from a request's first byte to its last
  double keep_alive_seconds = 2;  // an idle connection waits this long for the next one
  double write_seconds = 5;       // for the whole response
  std::size_t keep_alive_requests = 20;
  std::size_t per_address = 16;
  std::size_t total = 512;
  std::size_t worker_threads = 64;
  int listen_backlog = 1024;
};

// One client connection while a worker serves a request from it.
class FrontConnection {
 public:
  const std::string& address() const { return address_; }
  int port() const { return port_; }
  int fd() const { return fd_; }
  // Writes all of `data` before the response deadline; false when the peer is gone or slow.
  bool write(std::string_view data);
  // True when the front already answered "100 Continue" for this request.
  bool continue_sent() const { return continue_sent_; }

 private:
  friend class ConnectionFront;
  int fd_ = -1;
  std::string address_;
  int port_ = 0;
  std::string buffer_;  // bytes read and not yet served (a pipelined request may follow)
  std::size_t served_ = 0;
  bool idle_ = true;
  bool continue_sent_ = false;
  std::chrono::steady_clock::time_point deadline_;
  std::chrono::steady_clock::time_point write_deadline_;
};

class ConnectionFront {
 public:
  // Serves one complete request (`request` holds exactly its bytes) by writing the answer
  // to `c`; `must_close` asks for "Connection: close". Returns whether the connection may
  // carry another request.
  using Serve = std::function<bool(FrontConnection& c, std::string_view request, bool must_close)>;
  // Called for requests the front refuses itself (too large, too slow, too many).
  using Refusal = std::function<std::string(int status, std::string_view code,
                                            std::string_view message, int retry_after)>;

  ConnectionFront(FrontLimits limits, BodyLimit body_limit, Serve serve, Refusal refusal);
  ~ConnectionFront();
  ConnectionFront(const ConnectionFront&) = delete;
  ConnectionFront& operator=(const ConnectionFront&) = delete;

  NetworkResult<void> bind(const std::string& address, int port);
  int port() const;
  void start();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace upstander::server
