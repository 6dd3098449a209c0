// Joining, the durable outbox and the background sender.
#include "upstander/client/class_connection.hpp"

#include <sys/random.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "backoff.hpp"
#include "event_wire.hpp"
#include "http_call.hpp"
#include "local_store.hpp"
#include "served_content.hpp"

namespace upstander::client {

std::string_view name_of(ConnectionStatus s) {
  switch (s) {
    case ConnectionStatus::Online: return "online";
    case ConnectionStatus::Sending: return "sending";
    case ConnectionStatus::Offline: return "offline";
    case ConnectionStatus::NotCollecting: return "not_collecting";
    case ConnectionStatus::SessionEnded: return "session_ended";
  }
  return "?";
}

std::string_view name_of(JoinError e) {
  switch (e) {
    case JoinError::None: return "none";
    case JoinError::Unreachable: return "unreachable";
    case JoinError::UnknownCode: return "unknown_code";
    case JoinError::LobbyLocked: return "lobby_locked";
    case JoinError::SessionFull: return "session_full";
    case JoinError::TooManyTries: return "too_many_tries";
    case JoinError::BadContent: return "bad_content";
    case JoinError::ServerError: return "server_error";
    case JoinError::LocalStorage: return "local_storage";
  }
  return "?";
}

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

namespace {

std::string random_id() {
  unsigned char raw[16];
  std::size_t got = 0;
  while (got < sizeof raw) {
    const ssize_t n = getrandom(raw + got, sizeof raw - got, 0);
    if (n > 0) got += static_cast<std::size_t>(n);
  }
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : raw) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0x0f]);
  }
  return out;
}

std::uint64_t random_seed() {
  std::uint64_t seed = 0;
  while (getrandom(&seed, sizeof seed, 0) != static_cast<ssize_t>(sizeof seed)) {
  }
  return seed;
}

// "/events/12/choice" -> 12
std::optional<std::size_t> event_index(const std::string& pointer) {
  constexpr std::string_view kPrefix = "/events/";
  if (pointer.compare(0, kPrefix.size(), kPrefix) != 0) return std::nullopt;
  std::size_t i = kPrefix.size();
  std::size_t n = 0;
  bool digits = false;
  while (i < pointer.size() && pointer[i] >= '0' && pointer[i] <= '9') {
    n = n * 10 + static_cast<std::size_t>(pointer[i] - '0');
    ++i;
    digits = true;
  }
  return digits ? std::optional<std::size_t>(n) : std::nullopt;
}

}  // namespace

struct ClassConnection::Impl {
  ConnectionOptions options;
  std::unique_ptr<LocalStore> store;
  SavedSession saved;
  std::vector<ContentFile> content;

  mutable std::mutex mu;
  // Orders queueing against the end of the session, so nothing is queued after the
  // outbox was cleared for good. Separate from `mu`: it is held across a disk write, and
  // the game reads status() every frame.
  std::mutex end_mu;
  bool ended = false;
  std::condition_variable wake;
  std::condition_variable progress;
  bool stopping = false;
  ConnectionStatus status = ConnectionStatus::Online;
  std::size_t pending = 0;
  std::size_t dropped = 0;
  std::size_t batch_size = 200;
  std::thread sender;

  HttpTimeouts timeouts() const { return {options.connect_timeout, options.request_timeout}; }

  void set_status(ConnectionStatus s) {
    std::lock_guard lock(mu);
    status = s;
  }

  void start() {
    batch_size = options.batch_size;
    pending = store->count();
    if (!saved.collect) {
      status = ConnectionStatus::NotCollecting;
      return;
    }
    sender = std::thread([this] { send_loop(); });
  }

  void stop() {
    {
      std::lock_guard lock(mu);
      stopping = true;
    }
    wake.notify_all();
    if (sender.joinable()) sender.join();
  }

  // Waits for work or for the backoff to pass; false when stopping.
  bool wait(std::chrono::milliseconds delay, bool need_pending) {
    std::unique_lock lock(mu);
    if (delay.count() > 0) {
      wake.wait_for(lock, delay, [this] { return stopping; });
    }
    if (need_pending) wake.wait(lock, [this] { return stopping || pending > 0; });
    return !stopping;
  }

  void send_loop() {
    Backoff backoff(options.backoff_min, options.backoff_max, random_seed());
    std::chrono::milliseconds delay{0};
    while (wait(delay, true)) {
      delay = std::chrono::milliseconds(0);
      const std::vector<QueuedEvent> batch = store->peek(batch_size);
      if (batch.empty()) {
        std::lock_guard lock(mu);
        pending = 0;
        continue;
      }
      set_status(ConnectionStatus::Sending);
      std::string body = "{\"events\":[";
      for (std::size_t i = 0; i < batch.size(); ++i) {
        if (i > 0) body += ",";
        body += wire_event(batch[i].id, batch[i].ord, batch[i].body);
      }
      body += "]}";
      const HttpReply reply = http_call(saved.server, "POST", "/api/v1/student/events", saved.token, body, timeouts());
      delay = handle_reply(reply, batch, backoff);
    }
  }

  // Acts on the server's answer; returns how long to wait before the next attempt.
  std::chrono::milliseconds handle_reply(const HttpReply& reply, const std::vector<QueuedEvent>& batch, Backoff& backoff) {
    using std::chrono::milliseconds;
    if (reply.reached && reply.status == 200) {
      std::vector<std::string> ids;
      const auto j = nlohmann::json::parse(reply.body, nullptr, false);
      if (j.is_object() && j.contains("acknowledged") && j["acknowledged"].is_array()) {
        for (const auto& id : j["acknowledged"]) {
          if (id.is_string()) ids.push_back(id.get<std::string>());
        }
      }
      store->remove(ids);
      backoff.reset();
      finish_round(ConnectionStatus::Online);
      return milliseconds(0);
    }
    if (reply.reached && (reply.status == 410 || reply.status == 401)) {
      // The session is over (or gone): these events can never be delivered.
      {
        std::lock_guard end(end_mu);
        ended = true;
        store->clear_outbox();
      }
      finish_round(ConnectionStatus::SessionEnded);
      std::lock_guard lock(mu);
      stopping = true;
      return milliseconds(0);
    }
    if (reply.reached && reply.status == 413 && batch_size > 1) {
      batch_size = std::max<std::size_t>(1, batch_size / 2);
      return milliseconds(0);
    }
    if (reply.reached && (reply.status == 400 || reply.status == 422 || reply.status == 413)) {
      drop_refused(reply, batch);
      return milliseconds(0);
    }
    // No connection, 5xx, 429, 408: keep everything and try again later.
    finish_round(ConnectionStatus::Offline);
    const milliseconds wait = backoff.next();
    return reply.retry_after > 0 ? std::max(wait, milliseconds(reply.retry_after * 1000)) : wait;
  }

  // The server names the event it refused; drop that one (or the first, if it cannot say)
  // so one bad event never holds back the rest.
  void drop_refused(const HttpReply& reply, const std::vector<QueuedEvent>& batch) {
    std::size_t index = 0;
    const auto j = nlohmann::json::parse(reply.body, nullptr, false);
    if (j.is_object()) {
      const auto pointer = j.value("/error/details/pointer"_json_pointer, std::string());
      if (auto i = event_index(pointer); i && *i < batch.size()) index = *i;
    }
    store->remove({batch[index].id});
    {
      std::lock_guard lock(mu);
      ++dropped;
    }
    finish_round(ConnectionStatus::Online);
  }

  void finish_round(ConnectionStatus s) {
    {
      // Under end_mu, like queue(): an event stored between counting and publishing the
      // count would otherwise be counted twice (once in the count, once by queue()).
      std::lock_guard end(end_mu);
      const std::size_t left = store->count();
      std::lock_guard lock(mu);
      status = s;
      pending = left;
    }
    progress.notify_all();
  }

  bool queue(std::vector<std::pair<std::string, std::string>> items) {
    if (!saved.collect || items.empty()) return true;
    std::lock_guard end(end_mu);
    if (ended) return true;
    if (!store->enqueue(items)) return false;
    {
      std::lock_guard lock(mu);
      pending += items.size();
    }
    wake.notify_all();
    return true;
  }
};

ClassConnection::ClassConnection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

ClassConnection::~ClassConnection() {
  if (impl_) impl_->stop();
}

ClassConnection::JoinResult ClassConnection::join(const ServerAddress& server, std::string_view code,
                                                  const ConnectionOptions& options) {
  JoinResult out;
  const HttpTimeouts timeouts{options.connect_timeout, options.request_timeout};
  const std::string body = nlohmann::json{{"code", std::string(code)}}.dump();
  const HttpReply reply = http_call(server, "POST", "/api/v1/join", "", body, timeouts);
  if (!reply.reached) {
    out.error = JoinError::Unreachable;
    return out;
  }
  const auto j = nlohmann::json::parse(reply.body, nullptr, false);
  if (reply.status != 200) {
    const std::string code_name = j.is_object() ? j.value("/error/code"_json_pointer, std::string()) : std::string();
    out.detail = code_name;
    out.retry_after_seconds = reply.retry_after;
    if (reply.status == 404) out.error = JoinError::UnknownCode;
    else if (code_name == "lobby_locked") out.error = JoinError::LobbyLocked;
    else if (code_name == "session_full") out.error = JoinError::SessionFull;
    else if (reply.status == 429) out.error = JoinError::TooManyTries;
    else out.error = JoinError::ServerError;
    return out;
  }
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  SavedSession& s = impl->saved;
  s.server = server;
  if (!j.is_object() || !j.contains("token") || !j["token"].is_string() || !j.contains("session") ||
      !j["session"].is_string()) {
    out.error = JoinError::ServerError;
    out.detail = "the join answer lacks a token";
    return out;
  }
  s.session_id = j["session"].get<std::string>();
  s.token = j["token"].get<std::string>();
  s.language = j.value("language", "");
  s.collect = j.value("collect", true);
  if (j.contains("survey_order") && j["survey_order"].is_string()) {
    s.survey_order = parse_survey_order(j["survey_order"].get<std::string>()).value_or(SurveyOrder::AB);
  }
  if (j.contains("pseudonym") && j["pseudonym"].is_object()) {
    s.pseudonym = {j["pseudonym"].value("adjective", ""), j["pseudonym"].value("animal", ""),
                   j["pseudonym"].value("number", 0)};
  }
  if (!j.contains("content") || !read_served_content(j["content"], s.files, s.content_hash, out.detail) ||
      !load_verified(s.files, s.content_hash, impl->content, out.detail)) {
    out.error = JoinError::BadContent;
    return out;
  }
  std::string error;
  impl->store = LocalStore::open(options.data_dir, error);
  if (!impl->store || !impl->store->save_session(s)) {
    out.error = JoinError::LocalStorage;
    out.detail = error;
    return out;
  }
  impl->start();
  out.connection.reset(new ClassConnection(std::move(impl)));
  return out;
}

std::unique_ptr<ClassConnection> ClassConnection::resume(const ConnectionOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  std::string error;
  impl->store = LocalStore::open(options.data_dir, error);
  if (!impl->store) return nullptr;
  auto saved = impl->store->load_session();
  if (!saved) return nullptr;
  impl->saved = std::move(*saved);
  if (!load_verified(impl->saved.files, impl->saved.content_hash, impl->content, error)) return nullptr;
  impl->start();
  return std::unique_ptr<ClassConnection>(new ClassConnection(std::move(impl)));
}

bool ClassConnection::submit(std::span<const RunnerEvent> events) {
  std::vector<std::pair<std::string, std::string>> items;
  items.reserve(events.size());
  for (const auto& e : events) items.emplace_back(random_id(), event_body(e));
  return impl_->queue(std::move(items));
}

bool ClassConnection::submit_survey(std::string_view item, SurveyForm form, SurveyPhase phase, int value) {
  return impl_->queue({{random_id(), survey_body(item, form, phase, value)}});
}

ConnectionStatus ClassConnection::status() const {
  std::lock_guard lock(impl_->mu);
  return impl_->status;
}

std::size_t ClassConnection::pending() const {
  std::lock_guard lock(impl_->mu);
  return impl_->pending;
}

std::size_t ClassConnection::dropped() const {
  std::lock_guard lock(impl_->mu);
  return impl_->dropped;
}

const Pseudonym& ClassConnection::pseudonym() const { return impl_->saved.pseudonym; }
const std::string& ClassConnection::language() const { return impl_->saved.language; }
bool ClassConnection::collecting() const { return impl_->saved.collect; }
SurveyOrder ClassConnection::survey_order() const { return impl_->saved.survey_order; }
const std::string& ClassConnection::session_id() const { return impl_->saved.session_id; }
const std::string& ClassConnection::content_hash() const { return impl_->saved.content_hash; }

std::vector<const Scenario*> ClassConnection::scenarios() const {
  std::vector<const Scenario*> out;
  for (const auto& f : impl_->content) {
    if (f.scenario()) out.push_back(f.scenario());
  }
  return out;
}

const Survey* ClassConnection::survey() const {
  for (const auto& f : impl_->content) {
    if (f.survey()) return f.survey();
  }
  return nullptr;
}

bool ClassConnection::flush(std::chrono::milliseconds timeout) {
  std::unique_lock lock(impl_->mu);
  return impl_->progress.wait_for(lock, timeout, [this] {
    return impl_->pending == 0 || impl_->status == ConnectionStatus::SessionEnded ||
           impl_->status == ConnectionStatus::NotCollecting;
  });
}

void ClassConnection::leave() {
  impl_->stop();
  {
    std::lock_guard end(impl_->end_mu);
    impl_->ended = true;
    impl_->store->forget();
  }
  std::lock_guard lock(impl_->mu);
  impl_->pending = 0;
  impl_->status = ConnectionStatus::SessionEnded;
}

}  // namespace upstander::client
