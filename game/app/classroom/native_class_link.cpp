// Searching and joining off the UI thread, and handing finished work over in poll().
#include "native_class_link.hpp"

#include <condition_variable>
#include <mutex>
#include <thread>

#include "polled_class_link.hpp"
#include "event_sink.hpp"

namespace upstander::app {

namespace {

std::string to_text(const client::ServerAddress& a) {
  const bool v6 = a.host.find(':') != std::string::npos;
  return (v6 ? "[" + a.host + "]" : a.host) + ":" + std::to_string(a.port);
}

// With several servers on the network, each is asked in turn and the first that knows the
// code wins. If none does, the most telling answer is reported: a locked or full class
// over "unknown code", and any answer over no answer.
int weight(client::JoinError e) {
  switch (e) {
    case client::JoinError::Unreachable: return 0;
    case client::JoinError::UnknownCode: return 1;
    default: return 2;
  }
}

}  // namespace

struct NativeClassLink::Impl final : EventSink {
  NativeClassLinkOptions options;

  // Owned by the UI thread.
  std::unique_ptr<client::ClassWorker> conn;
  ClassSession session;
  DiscoveryState discovery_view;
  JoinAttempt attempt_view;
  std::thread discovery_thread;
  std::thread join_thread;

  // Shared with the worker threads.
  std::mutex mu;
  std::condition_variable discovery_cv;
  bool searching = false;
  bool search_finished = false;  // a result waits for poll()
  std::vector<client::ServerAddress> found;
  bool join_no_server = false;  // the search found nothing to try
  // A finished join that waits for poll().
  std::optional<Result<std::unique_ptr<client::ClassWorker>, client::JoinFailure>> join_result;

  std::filesystem::path class_dir() const { return options.data_dir / "class"; }

  client::ConnectionOptions connection_options() const {
    client::ConnectionOptions o = options.connection;
    o.data_dir = class_dir().string();
    return o;
  }

  void take(std::unique_ptr<client::ClassWorker> c) {
    conn = std::move(c);
    session = {};
    if (!conn) return;
    session.id = conn->session_id();
    session.language = conn->language();
    session.collecting = conn->collecting();
    session.pseudonym = {conn->pseudonym().adjective, conn->pseudonym().animal,
                         conn->pseudonym().number};
    session.scenarios = conn->scenarios();
    session.survey = conn->survey();
    session.survey_order = conn->survey_order();
  }

  void search() {
    std::vector<client::ServerAddress> result = client::discover_servers(options.discovery);
    std::lock_guard lock(mu);
    found = std::move(result);
    searching = false;
    search_finished = true;
    discovery_cv.notify_all();
  }

  // The servers to try: the typed one, else whatever the search finds (waiting for it).
  std::vector<client::ServerAddress> targets(const std::optional<client::ServerAddress>& typed) {
    if (typed) return {*typed};
    std::unique_lock lock(mu);
    discovery_cv.wait(lock, [this] { return !searching; });
    return found;
  }

  void run_join(std::unique_ptr<client::ClassWorker> old, std::string code,
                std::optional<client::ServerAddress> typed) {
    old.reset();  // stops its sender here, not on the UI thread
    Result<std::unique_ptr<client::ClassWorker>, client::JoinFailure> best =
        fail(client::JoinFailure{client::JoinError::Unreachable, 0, {}});
    const auto servers = targets(typed);
    const bool none = servers.empty();
    for (const auto& server : servers) {
      auto r = client::ClassWorker::join(server, code, connection_options());
      // `best` is still a failure here: the loop stops at the first success.
      if (r.ok() || weight(r.error().code) > weight(best.error().code)) best = std::move(r);
      if (best.ok()) break;
    }
    std::lock_guard lock(mu);
    join_result = std::move(best);
    join_no_server = none;
  }

  void runner_events(const std::vector<RunnerEvent>& events) override {
    if (conn) conn->submit(events);
  }
  void survey_answer(const SurveyAnswer& a) override {
    if (conn) conn->submit_survey(a.item, a.form, a.phase, a.value);
  }
};

NativeClassLink::NativeClassLink(NativeClassLinkOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
}

NativeClassLink::~NativeClassLink() {
  if (impl_->discovery_thread.joinable()) impl_->discovery_thread.join();
  if (impl_->join_thread.joinable()) impl_->join_thread.join();
}

bool NativeClassLink::resume() {
  Impl& d = *impl_;
  // Opening the client's store would create it: a student who never joined gets no files.
  std::error_code ec;
  if (!std::filesystem::is_directory(d.class_dir(), ec)) return false;
  d.take(client::ClassWorker::resume(d.connection_options()));
  return d.conn != nullptr;
}

void NativeClassLink::discover() {
  Impl& d = *impl_;
  {
    std::lock_guard lock(d.mu);
    if (d.searching) return;
    d.searching = true;
  }
  if (d.discovery_thread.joinable()) d.discovery_thread.join();  // finished: returns at once
  d.discovery_view.searching = true;
  d.discovery_thread = std::thread([&d] { d.search(); });
}

void NativeClassLink::join(const std::string& code, const std::string& typed_address) {
  Impl& d = *impl_;
  if (d.attempt_view.busy) return;
  std::optional<client::ServerAddress> typed;
  if (!typed_address.empty()) {
    typed = client::parse_server_address(typed_address);
    if (!typed) {
      d.attempt_view = {false, JoinError::BadAddress, 0};
      return;
    }
  }
  if (d.join_thread.joinable()) d.join_thread.join();  // finished: returns at once
  d.attempt_view = {true, JoinError::None, 0};
  d.session = {};
  d.join_thread = std::thread([&d, old = std::move(d.conn), code, typed]() mutable {
    d.run_join(std::move(old), code, typed);
  });
}

void NativeClassLink::poll() {
  Impl& d = *impl_;
  std::unique_ptr<client::ClassWorker> joined;
  {
    std::lock_guard lock(d.mu);
    if (d.search_finished) {
      d.search_finished = false;
      d.discovery_view.searching = d.searching;
      d.discovery_view.done = true;
      d.discovery_view.servers.clear();
      for (const auto& a : d.found) d.discovery_view.servers.push_back(to_text(a));
    }
    if (!d.join_result) return;
    auto& r = *d.join_result;
    if (d.join_no_server) {
      d.attempt_view = {false, JoinError::NoServer, 0};
    } else {
      d.attempt_view = finished_attempt(r);
      if (r.ok()) joined = std::move(*r);
    }
    d.join_result.reset();
  }
  if (joined) d.take(std::move(joined));
}

DiscoveryState NativeClassLink::discovery() const {
  return impl_->discovery_view;
}

JoinAttempt NativeClassLink::join_attempt() const {
  return impl_->attempt_view;
}

const ClassSession* NativeClassLink::session() const {
  return impl_->conn ? &impl_->session : nullptr;
}

ClassStatus NativeClassLink::status() const {
  return impl_->conn ? impl_->conn->status() : ClassStatus::Offline;
}

std::size_t NativeClassLink::pending() const {
  return impl_->conn ? impl_->conn->pending() : 0;
}

EventSink* NativeClassLink::sink() {
  return impl_->conn ? impl_.get() : nullptr;
}

void NativeClassLink::leave() {
  Impl& d = *impl_;
  if (d.conn) d.conn->leave();
  d.take(nullptr);
  std::error_code ec;
  std::filesystem::remove_all(d.class_dir(), ec);
}

client::ClassWorker* NativeClassLink::client() {
  return impl_->conn.get();
}

}  // namespace upstander::app
