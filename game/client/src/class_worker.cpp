// The native class connection: the ClassCore driven by a thread of its own, with the
// httplib transport and the SQLite store.
#include "upstander/client/class_worker.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "http_call.hpp"
#include "local_store.hpp"
#include "upstander/client/class_core.hpp"
#include "upstander/protocol/random_id.hpp"

namespace upstander::client {

std::string display_name(const Pseudonym& p, const LocaleStrings& locale) {
  auto word = [&](const std::string& kind, const std::string& id) {
    const std::string* w = locale.find("game.pseudonym." + kind + "." + id);
    return w ? *w : id;
  };
  const std::string* format = locale.find("game.pseudonym.format");
  return fill_placeholders(format ? *format : "{adjective} {animal} {number}",
                           {{"adjective", word("adjective", p.adjective)},
                            {"animal", word("animal", p.animal)},
                            {"number", std::to_string(p.number)}});
}

// Wakes the driving thread: a reply arrived, an event was queued, or it should stop.
// Shared with the transport's thread, which may outlive a join() that handed it over.
struct Waker {
  std::mutex mu;
  std::condition_variable cv;
  bool kicked = false;
  void kick() {
    {
      std::lock_guard lock(mu);
      kicked = true;
    }
    cv.notify_all();
  }
};

struct ClassWorker::Impl {
  std::shared_ptr<Waker> waker = std::make_shared<Waker>();
  std::unique_ptr<ClassCore> core;  // guarded by waker->mu
  bool stopping = false;            // guarded by waker->mu
  std::thread driver;

  // Published after every step of the core, so the game reads them every frame without
  // waiting for a disk write or a request.
  std::atomic<ConnectionStatus> status{ConnectionStatus::Online};
  std::atomic<std::size_t> pending{0};
  std::atomic<std::size_t> dropped{0};
  std::atomic<bool> settled{true};
  std::condition_variable progress;  // with waker->mu

  explicit Impl(const ConnectionOptions& options) {
    const HttpTimeouts timeouts{options.connect_timeout, options.request_timeout};
    CoreOptions co;
    co.backoff_min = options.backoff_min;
    co.backoff_max = options.backoff_max;
    co.batch_size = options.batch_size;
    // The seed only spreads retries over time: the clock will do when the system has no
    // random bytes (ids, which must not collide, fail instead; see submit()).
    co.seed = protocol::random_seed().value_or(
        static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()));
    std::string dir = options.data_dir;
    core = std::make_unique<ClassCore>(
        std::make_unique<HttpTransport>(timeouts, [w = waker] { w->kick(); }),
        [dir] { return LocalStore::open(dir); }, co);
  }

  // With waker->mu held.
  void publish() {
    status = core->status();
    pending = core->pending();
    dropped = core->dropped();
    settled = core->settled();
    progress.notify_all();
  }

  void start() {
    publish();
    driver = std::thread([this] { drive(); });
  }

  void stop() {
    {
      std::lock_guard lock(waker->mu);
      stopping = true;
    }
    waker->cv.notify_all();
    if (driver.joinable()) driver.join();
  }

  void drive() {
    std::unique_lock lock(waker->mu);
    while (!stopping) {
      waker->kicked = false;
      core->poll(ClassCore::Clock::now());
      publish();
      const auto woken = [this] { return stopping || waker->kicked; };
      if (const auto due = core->next_due()) {
        waker->cv.wait_until(lock, *due, woken);
      } else {
        waker->cv.wait(lock, woken);
      }
    }
  }

  bool queue(const std::function<bool(ClassCore&)>& put) {
    bool ok = false;
    {
      std::lock_guard lock(waker->mu);
      ok = put(*core);
      publish();
      waker->kicked = true;
    }
    waker->cv.notify_all();
    return ok;
  }
};

ClassWorker::ClassWorker(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

ClassWorker::~ClassWorker() {
  if (impl_) impl_->stop();
}

Result<std::unique_ptr<ClassWorker>, JoinFailure> ClassWorker::join(
    const ServerAddress& server, std::string_view code, const ConnectionOptions& options) {
  auto impl = std::make_unique<Impl>(options);
  std::optional<Result<void, JoinFailure>> outcome;
  {
    std::unique_lock lock(impl->waker->mu);
    impl->core->join(server, code);
    while (!outcome) {
      impl->waker->cv.wait(lock, [&] { return impl->waker->kicked; });
      impl->waker->kicked = false;
      outcome = impl->core->poll(ClassCore::Clock::now());
    }
  }
  if (!outcome->ok()) return fail(outcome->error());
  impl->start();
  return std::unique_ptr<ClassWorker>(new ClassWorker(std::move(impl)));
}

std::unique_ptr<ClassWorker> ClassWorker::resume(const ConnectionOptions& options) {
  auto impl = std::make_unique<Impl>(options);
  if (!impl->core->resume()) return nullptr;
  impl->start();
  return std::unique_ptr<ClassWorker>(new ClassWorker(std::move(impl)));
}

bool ClassWorker::submit(std::span<const RunnerEvent> events) {
  return impl_->queue([&](ClassCore& c) { return c.submit(events); });
}

bool ClassWorker::submit_survey(std::string_view item, SurveyForm form, SurveyPhase phase,
                                int value) {
  return impl_->queue([&](ClassCore& c) { return c.submit_survey(item, form, phase, value); });
}

ConnectionStatus ClassWorker::status() const {
  return impl_->status;
}
std::size_t ClassWorker::pending() const {
  return impl_->pending;
}
std::size_t ClassWorker::dropped() const {
  return impl_->dropped;
}

// The session never changes after join() or resume() made this object.
const Pseudonym& ClassWorker::pseudonym() const {
  return impl_->core->session().pseudonym;
}
const std::string& ClassWorker::language() const {
  return impl_->core->session().language;
}
bool ClassWorker::collecting() const {
  return impl_->core->session().collect;
}
SurveyOrder ClassWorker::survey_order() const {
  return impl_->core->session().survey_order;
}
const std::string& ClassWorker::session_id() const {
  return impl_->core->session().session_id;
}
const std::string& ClassWorker::content_hash() const {
  return impl_->core->session().content_hash;
}
std::vector<const Scenario*> ClassWorker::scenarios() const {
  return impl_->core->scenarios();
}
const Survey* ClassWorker::survey() const {
  return impl_->core->survey();
}

bool ClassWorker::flush(std::chrono::milliseconds timeout) {
  std::unique_lock lock(impl_->waker->mu);
  return impl_->progress.wait_for(lock, timeout, [this] { return impl_->settled.load(); });
}

void ClassWorker::leave() {
  impl_->stop();
  std::lock_guard lock(impl_->waker->mu);
  impl_->core->leave();
  impl_->publish();
}

}  // namespace upstander::client
