// The poll loop: accept, read with deadlines and limits, hand complete requests to the
// workers, take connections back for keep-alive.
#include "connection_front.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "rate_limiter.hpp"
#include "socket_api.hpp"
#include "worker_pool.hpp"

namespace upstander::server {

using SteadyClock = std::chrono::steady_clock;

namespace {

SteadyClock::duration seconds_of(double s) {
  return std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(s));
}

// Best effort from the poll thread: a refusal is small and the socket buffer takes it.
void send_now(int fd, std::string_view data) {
  while (!data.empty()) {
    const long n = net::send_some(fd, data.data(), data.size());
    if (n <= 0) return;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

std::string peer_address(const sockaddr_storage& ss, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (ss.ss_family == AF_INET) {
    const auto* a = reinterpret_cast<const sockaddr_in*>(&ss);
    ::inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
    port = ntohs(a->sin_port);
  } else if (ss.ss_family == AF_INET6) {
    const auto* a = reinterpret_cast<const sockaddr_in6*>(&ss);
    ::inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
    port = ntohs(a->sin6_port);
  }
  return std::string(canonical_address(text));
}

}  // namespace

bool FrontConnection::write(std::string_view data) {
  while (!data.empty()) {
    const long n = net::send_some(fd_, data.data(), data.size());
    if (n > 0) {
      data.remove_prefix(static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && !net::would_block()) return false;
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(write_deadline_ - SteadyClock::now())
            .count();
    if (left <= 0) return false;
    pollfd p = net::poll_entry(fd_, POLLOUT);
    if (net::poll_sockets(&p, 1, static_cast<int>(left)) < 0) return false;
  }
  return true;
}

struct ConnectionFront::Impl {
  FrontLimits limits;
  BodyLimit body_limit;
  Serve serve;
  Refusal refusal;
  int listen_fd = -1;
  net::Waker waker;
  int port = 0;
  std::thread thread;
  std::unique_ptr<WorkerPool> workers;
  std::atomic<bool> stopping{false};

  // Owned by the poll thread.
  std::unordered_map<int, std::unique_ptr<FrontConnection>> reading;
  // Connections per address, including those a worker holds.
  std::mutex count_mu;
  std::unordered_map<std::string, std::size_t> per_address;
  std::size_t open_total = 0;
  // Handed back by workers after a response, for the next request.
  std::mutex back_mu;
  std::vector<std::unique_ptr<FrontConnection>> handed_back;
  bool loop_done = false;
  SteadyClock::time_point accept_paused_until{};

  void close_connection(std::unique_ptr<FrontConnection> c) {
    net::close_socket(c->fd_);
    std::lock_guard lock(count_mu);
    --open_total;
    auto it = per_address.find(c->address_);
    if (it != per_address.end() && --it->second == 0) per_address.erase(it);
  }

  void refuse(FrontConnection& c, int status, std::string_view code, std::string_view message,
              int retry_after = 0) {
    send_now(c.fd_, refusal(status, code, message, retry_after));
  }

  void accept_all() {
    while (true) {
      sockaddr_storage ss{};
      const int fd = net::accept_socket(listen_fd, ss);
      if (fd < 0) {
        // Out of descriptors: the listening socket stays readable, so stop polling it for
        // a moment instead of spinning; idle connections closing will make room.
        if (net::out_of_descriptors())
          accept_paused_until = SteadyClock::now() + std::chrono::milliseconds(100);
        return;
      }
      net::set_no_delay(fd);
      auto c = std::make_unique<FrontConnection>();
      c->fd_ = fd;
      c->address_ = peer_address(ss, c->port_);
      // The request deadline runs from the accept: a client that connects and waits is
      // as slow as one that trickles.
      c->idle_ = false;
      c->deadline_ = SteadyClock::now() + seconds_of(limits.request_seconds);
      if (!admit(c->address_)) {
        // Over the cap: answered and closed at once, so the kernel's queue never holds
        // the flood and the next address is accepted.
        send_now(fd, refusal(503, "too_many_connections",
                             "too many connections from this device; try again shortly", 1));
        net::close_socket(fd);
        continue;
      }
      reading.emplace(fd, std::move(c));
    }
  }

  bool admit(const std::string& address) {
    std::lock_guard lock(count_mu);
    if (open_total >= limits.total) return false;
    std::size_t& n = per_address[address];
    if (n >= limits.per_address) {
      if (n == 0) per_address.erase(address);
      return false;
    }
    ++n;
    ++open_total;
    return true;
  }

  // Reads what is there; false when the connection is finished with (closed or refused).
  bool read_some(FrontConnection& c) {
    char chunk[16 * 1024];
    while (true) {
      const long n = net::recv_some(c.fd_, chunk, sizeof chunk);
      if (n == 0) return false;
      if (n < 0) return net::would_block();
      if (c.idle_) {
        c.idle_ = false;
        c.deadline_ = SteadyClock::now() + seconds_of(limits.request_seconds);
      }
      c.buffer_.append(chunk, static_cast<std::size_t>(n));
      // Framing decides when enough is enough; stop reading once a request is whole.
      const Framed f = frame_request(c.buffer_, limits.framing, body_limit);
      if (f.state != Framed::State::NeedMore) return true;
      if (f.head_bytes > 0 && f.expects_continue && !c.continue_sent_) {
        send_now(c.fd_, "HTTP/1.1 100 Continue\r\n\r\n");
        c.continue_sent_ = true;
      }
    }
  }

  // A whole request, a refusal, or nothing yet. Returns false when `c` was given away.
  bool advance(std::unique_ptr<FrontConnection>& c) {
    const Framed f = frame_request(c->buffer_, limits.framing, body_limit);
    if (f.state == Framed::State::NeedMore) return true;
    if (f.state == Framed::State::Reject) {
      refuse(*c, f.status, f.code, f.message);
      close_connection(std::move(c));
      return false;
    }
    hand_to_worker(std::move(c), f.total_bytes);
    return false;
  }

  void hand_to_worker(std::unique_ptr<FrontConnection> c, std::size_t length) {
    c->write_deadline_ = SteadyClock::now() + seconds_of(limits.write_seconds);
    auto shared = std::shared_ptr<FrontConnection>(c.release());
    workers->push([this, shared, length] {
      FrontConnection& conn = *shared;
      const bool last = ++conn.served_ >= limits.keep_alive_requests || stopping.load();
      bool keep = false;
      try {
        keep = serve(conn, std::string_view(conn.buffer_).substr(0, length), last) && !last;
      } catch (...) {
        keep = false;
      }
      conn.buffer_.erase(0, length);
      conn.idle_ = conn.buffer_.empty();
      conn.continue_sent_ = false;
      conn.deadline_ = SteadyClock::now() +
                       seconds_of(conn.idle_ ? limits.keep_alive_seconds : limits.request_seconds);
      auto owned = std::make_unique<FrontConnection>(std::move(conn));
      give_back(std::move(owned), keep);
    });
  }

  void give_back(std::unique_ptr<FrontConnection> c, bool keep) {
    {
      std::lock_guard lock(back_mu);
      if (keep && !loop_done) {
        handed_back.push_back(std::move(c));
        waker.wake();
        return;
      }
    }
    close_connection(std::move(c));
  }

  void take_back() {
    waker.drain();
    std::vector<std::unique_ptr<FrontConnection>> back;
    {
      std::lock_guard lock(back_mu);
      back.swap(handed_back);
    }
    for (auto& c : back) {
      const int fd = c->fd_;
      // A pipelined request may already be in the buffer.
      if (!c->buffer_.empty() && !advance(c)) continue;
      reading.emplace(fd, std::move(c));
    }
  }

  void expire(SteadyClock::time_point now) {
    for (auto it = reading.begin(); it != reading.end();) {
      if (now < it->second->deadline_) {
        ++it;
        continue;
      }
      auto c = std::move(it->second);
      it = reading.erase(it);
      if (!c->idle_) refuse(*c, 408, "request_timeout", "the request did not arrive in time");
      close_connection(std::move(c));
    }
  }

  int poll_timeout_ms(SteadyClock::time_point now) const {
    auto next = now + std::chrono::milliseconds(250);
    for (const auto& [fd, c] : reading) next = std::min(next, c->deadline_);
    return static_cast<int>(std::max<std::int64_t>(
        0, std::chrono::duration_cast<std::chrono::milliseconds>(next - now).count() + 1));
  }

  void loop() {
    std::vector<pollfd> fds;
    while (!stopping.load()) {
      fds.clear();
      fds.push_back(net::poll_entry(
          listen_fd, static_cast<short>(SteadyClock::now() < accept_paused_until ? 0 : POLLIN)));
      fds.push_back(net::poll_entry(waker.socket(), POLLIN));
      for (const auto& [fd, c] : reading) fds.push_back(net::poll_entry(fd, POLLIN));
      const int ready =
          net::poll_sockets(fds.data(), fds.size(), poll_timeout_ms(SteadyClock::now()));
      if (ready < 0) break;
      for (std::size_t i = 2; i < fds.size(); ++i) {
        if (fds[i].revents == 0) continue;
        const int fd = net::polled_socket(fds[i]);
        auto it = reading.find(fd);
        if (it == reading.end()) continue;
        auto c = std::move(it->second);
        reading.erase(it);
        if (!read_some(*c)) {
          close_connection(std::move(c));
          continue;
        }
        if (advance(c)) reading.emplace(fd, std::move(c));
      }
      if (fds[1].revents != 0) take_back();
      if (fds[0].revents != 0) accept_all();
      expire(SteadyClock::now());
    }
    {
      std::lock_guard lock(back_mu);
      loop_done = true;
      for (auto& c : handed_back) reading.emplace(c->fd_, std::move(c));
      handed_back.clear();
    }
    for (auto& [fd, c] : reading) close_connection(std::move(c));
    reading.clear();
  }
};

ConnectionFront::ConnectionFront(FrontLimits limits, BodyLimit body_limit, Serve serve,
                                 Refusal refusal)
    : impl_(std::make_unique<Impl>()) {
  impl_->limits = limits;
  impl_->body_limit = std::move(body_limit);
  impl_->serve = std::move(serve);
  impl_->refusal = std::move(refusal);
}

ConnectionFront::~ConnectionFront() {
  stop();
  if (impl_->listen_fd >= 0) net::close_socket(impl_->listen_fd);
}

NetworkResult<void> ConnectionFront::bind(const std::string& address, int port) {
  if (!net::startup()) {
    return fail(NetworkFailure{NetworkError::NoNetworkStack,
                               "the network stack is not usable: " + net::last_error_text()});
  }
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  const NetworkFailure cannot_listen{
      NetworkError::CannotListen,
      "cannot listen on " + address + ":" + service + " (in use, or not an address here)"};
  if (::getaddrinfo(address.c_str(), service.c_str(), &hints, &found) != 0)
    return fail(cannot_listen);
  int fd = -1;
  for (addrinfo* a = found; a != nullptr && fd < 0; a = a->ai_next) {
    fd = net::open_socket(a->ai_family, a->ai_socktype, a->ai_protocol);
    if (fd < 0) continue;
    net::allow_quick_rebind(fd);
    if (!net::bind_socket(fd, a->ai_addr, a->ai_addrlen) ||
        !net::listen_socket(fd, impl_->limits.listen_backlog)) {
      net::close_socket(fd);
      fd = -1;
    }
  }
  ::freeaddrinfo(found);
  if (fd < 0) return fail(cannot_listen);
  impl_->listen_fd = fd;
  impl_->port = net::local_port(fd);
  if (!impl_->waker.open())
    return fail(NetworkFailure{NetworkError::CannotOpen, "cannot open the server's wake-up pipe"});
  return {};
}

int ConnectionFront::port() const {
  return impl_->port;
}

void ConnectionFront::start() {
  // Enough workers and room for every open connection's one request: push() never waits.
  impl_->workers =
      std::make_unique<WorkerPool>(impl_->limits.worker_threads, impl_->limits.total + 1);
  impl_->thread = std::thread([this] { impl_->loop(); });
}

void ConnectionFront::stop() {
  if (!impl_->thread.joinable()) return;
  impl_->stopping = true;
  impl_->waker.wake();
  impl_->thread.join();
  impl_->workers->shutdown();
}

}  // namespace upstander::server
