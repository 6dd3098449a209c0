// The poll-driven class connection: joining, the durable outbox and the sender.
//
// Index:
//   1. Join answers and refusals
//   2. The core's state: sessions and checks
//   3. Joining and sending
//   4. Settling and queueing events
//   5. Joining, resuming and polling
//   6. Submitting, and what the core holds

#include "upstander/client/class_core.hpp"

#include <algorithm>
#include <random>

#include "backoff.hpp"
#include "upstander/protocol/api_error_message.hpp"
#include "upstander/protocol/event_message.hpp"
#include "upstander/protocol/join_message.hpp"
#include "upstander/protocol/random_id.hpp"
#include "upstander/protocol/version.hpp"

namespace upstander::client {

namespace {

// --- 1. Join answers and refusals ---

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

CoreOptions with_defaults(CoreOptions o) {
  if (!o.new_id) o.new_id = [] { return protocol::random_event_id(); };
  return o;
}

Failure<JoinFailure> join_failed(JoinError code, std::string detail = {}) {
  return fail(JoinFailure{code, 0, std::move(detail)});
}

JoinFailure join_refused(const HttpReply& reply) {
  std::string code = protocol::decode_api_error(reply.body).code;
  JoinError e = JoinError::ServerError;
  if (reply.status == 404)
    e = JoinError::UnknownCode;
  else if (code == "lobby_locked")
    e = JoinError::LobbyLocked;
  else if (code == "session_full")
    e = JoinError::SessionFull;
  else if (reply.status == 429)
    e = JoinError::TooManyTries;
  return {e, reply.retry_after, std::move(code)};
}

// The join answer as a session to save, or why it is not usable.
Result<SavedSession, JoinFailure> read_join_answer(const std::string& body) {
  auto answer = protocol::decode_join_answer(body);
  if (!answer) {
    const auto& e = answer.error();
    // An answer without a token is the server's fault; bad content is told apart.
    return join_failed(e.code == protocol::JoinAnswerError::NoToken ? JoinError::ServerError
                                                                    : JoinError::BadContent,
                       e.message);
  }
  protocol::JoinAnswer& a = *answer;
  SavedSession s;
  s.session_id = std::move(a.session);
  s.token = std::move(a.token);
  s.language = std::move(a.language);
  s.collect = a.collect;
  s.survey_order = a.survey_order;
  s.pseudonym = std::move(a.pseudonym);
  s.content_hash = std::move(a.content_hash);
  s.files = std::move(a.files);
  return s;
}

}  // namespace

// --- 2. The core's state: sessions and checks ---

struct ClassCore::State {
  std::unique_ptr<Transport> transport;
  StoreOpener open_store;
  CoreOptions options;
  Backoff backoff;
  std::minstd_rand jitter;  // spreads the idle asks of a class over time

  std::unique_ptr<ClassStore> store;
  bool has_session = false;
  SavedSession saved;
  std::vector<ContentFile> content;

  enum class InFlight { None, Join, Send, Check };
  InFlight in_flight = InFlight::None;
  std::optional<HttpRequest> join_waiting;  // a join asked for while a send was in flight
  std::vector<QueuedEvent> batch;           // what the send in flight carries

  bool ended = false;
  ConnectionStatus status = ConnectionStatus::Online;
  std::size_t pending = 0;
  std::size_t dropped = 0;
  std::size_t batch_size = 200;
  Clock::time_point next_try{};

  State(std::unique_ptr<Transport> t, StoreOpener o, CoreOptions opt)
      : transport(std::move(t)),
        open_store(std::move(o)),
        options(with_defaults(std::move(opt))),
        backoff(options.backoff_min, options.backoff_max, options.seed),
        jitter(static_cast<std::uint_fast32_t>(options.seed ^ (options.seed >> 32)) | 1u),
        batch_size(std::max<std::size_t>(1, options.batch_size)) {}

  StoreResult<void> ensure_store() {
    if (store) return {};
    auto opened = open_store();
    if (!opened) return fail(opened.error());
    store = std::move(*opened);
    return {};
  }

  // A session (joined or resumed) starts sending from a clean slate.
  void start_session() {
    has_session = true;
    ended = false;
    dropped = 0;
    batch_size = std::max<std::size_t>(1, options.batch_size);
    backoff.reset();
    next_try = Clock::time_point{};
    next_check = Clock::time_point{};
    pending = saved.collect ? store->count() : 0;
    status = saved.collect ? ConnectionStatus::Online : ConnectionStatus::NotCollecting;
  }

  void drop_session() {
    has_session = false;
    saved = {};
    content.clear();
    pending = 0;
    status = ConnectionStatus::Online;
  }

  bool can_send() const { return has_session && saved.collect && !ended; }
  // Idle with a live session: time to ask whether it still is.
  bool check_due(Clock::time_point now) const {
    return has_session && !ended && pending == 0 && now >= next_check;
  }

  void start_check(Clock::time_point now) {
    // 75-125% of the interval: a class that joined together does not ask all at once.
    const auto every = options.status_every.count();
    const auto spread =
        std::uniform_int_distribution<long long>(every * 3 / 4, every * 5 / 4)(jitter);
    next_check = now + std::chrono::milliseconds(spread);
    in_flight = InFlight::Check;
    transport->start(
        {saved.server, "GET", std::string(protocol::kStudentSessionPath), saved.token, ""});
  }

  void finish_check(const HttpReply& reply, Clock::time_point now) {
    if (ended || !has_session) return;
    if (reply.reached && (reply.status == 410 || reply.status == 401)) {
      ended = true;
      if (store) store->clear_outbox();
      settle(ConnectionStatus::SessionEnded);
      return;
    }
    if (reply.reached && reply.status == 200) {
      backoff.reset();
      settle(saved.collect ? ConnectionStatus::Online : ConnectionStatus::NotCollecting);
      return;
    }
    if (!reply.reached || reply.status >= 500 || reply.status == 429) {
      // An idle student whose server went away asks again on the send's backoff, not the
      // idle interval, so a restarted server sees them back within 5 s (issue 12), unless
      // the server itself asked for longer.
      if (!reply.reached || reply.status >= 500) settle(ConnectionStatus::Offline);
      std::chrono::milliseconds wait = backoff.next();
      if (reply.retry_after > 0)
        wait = std::max(wait, std::chrono::milliseconds(reply.retry_after * 1000LL));
      next_check = now + wait;
    }
  }

  // --- 3. Joining and sending ---

  Result<void, JoinFailure> finish_join(const HttpReply& reply) {
    if (!reply.reached) return join_failed(JoinError::Unreachable);
    if (reply.status != 200) return fail(join_refused(reply));
    auto answer = read_join_answer(reply.body);
    if (!answer) return fail(answer.error());
    SavedSession& s = *answer;
    s.server = join_server;
    auto loaded = protocol::load_verified(s.files, s.content_hash);
    if (!loaded) return join_failed(JoinError::BadContent, loaded.error());
    if (auto opened = ensure_store(); !opened)
      return join_failed(JoinError::LocalStorage, opened.error().message);
    if (!store->save_session(s)) return join_failed(JoinError::LocalStorage);
    saved = std::move(s);
    content = std::move(*loaded);
    start_session();
    return {};
  }

  void start_send() {
    batch = store->peek(batch_size);
    if (batch.empty()) {
      pending = 0;
      return;
    }
    std::vector<std::string> events;
    events.reserve(batch.size());
    for (const auto& e : batch) events.push_back(protocol::wire_event(e.id, e.ord, e.body));
    status = ConnectionStatus::Sending;
    in_flight = InFlight::Send;
    transport->start({saved.server, "POST", std::string(protocol::kStudentEventsPath), saved.token,
                      protocol::event_batch(events)});
  }

  void finish_send(const HttpReply& reply, Clock::time_point now) {
    const std::vector<QueuedEvent> sent = std::move(batch);
    batch.clear();
    if (!can_send()) return;  // left or replaced while it was in flight
    if (reply.reached && reply.status == 200) {
      store->remove(protocol::decode_acknowledged(reply.body));
      backoff.reset();
      settle(ConnectionStatus::Online);
      return;
    }
    if (reply.reached && (reply.status == 410 || reply.status == 401)) {
      // The session is over (or gone): these events can never be delivered.
      ended = true;
      store->clear_outbox();
      settle(ConnectionStatus::SessionEnded);
      return;
    }
    if (reply.reached && reply.status == 413 && batch_size > 1) {
      batch_size = std::max<std::size_t>(1, batch_size / 2);
      return;
    }
    if (reply.reached && (reply.status == 400 || reply.status == 422 || reply.status == 413)) {
      drop_refused(reply, sent);
      return;
    }
    // No connection, 5xx, 429, 408: keep everything and try again later.
    settle(ConnectionStatus::Offline);
    std::chrono::milliseconds wait = backoff.next();
    if (reply.retry_after > 0)
      wait = std::max(wait, std::chrono::milliseconds(reply.retry_after * 1000LL));
    next_try = now + wait;
  }

  // The server names the event it refused; drop that one (or the first, if it cannot say)
  // so one bad event never holds back the rest.
  void drop_refused(const HttpReply& reply, const std::vector<QueuedEvent>& sent) {
    std::size_t index = 0;
    const std::string pointer = protocol::decode_api_error(reply.body).pointer;
    if (auto i = event_index(pointer); i && *i < sent.size()) index = *i;
    if (!sent.empty()) store->remove({sent[index].id});
    ++dropped;
    settle(ConnectionStatus::Online);
  }

  // --- 4. Settling and queueing events ---

  void settle(ConnectionStatus s) {
    status = s;
    pending = ended ? 0 : store->count();
  }

  bool queue(std::vector<std::pair<std::string, std::string>> items) {
    if (!can_send() || items.empty()) return true;
    if (!store->enqueue(items)) return false;
    pending += items.size();
    return true;
  }

  Clock::time_point next_check{};  // the next idle ask for the session's state
  ServerAddress join_server;
};

ClassCore::ClassCore(std::unique_ptr<Transport> transport, StoreOpener open_store,
                     CoreOptions options)
    : s_(std::make_unique<State>(std::move(transport), std::move(open_store), std::move(options))) {
}

ClassCore::~ClassCore() = default;

// --- 5. Joining, resuming and polling ---

void ClassCore::join(const ServerAddress& server, std::string_view code) {
  State& s = *s_;
  s.drop_session();
  s.join_server = server;
  HttpRequest r{server, "POST", std::string(protocol::kJoinPath), "",
                protocol::encode_join_request(code)};
  if (s.in_flight == State::InFlight::None) {
    s.in_flight = State::InFlight::Join;
    s.transport->start(std::move(r));
  } else {
    s.join_waiting = std::move(r);
  }
}

bool ClassCore::joining() const {
  return s_->in_flight == State::InFlight::Join || s_->join_waiting.has_value();
}

bool ClassCore::resume() {
  State& s = *s_;
  if (!s.ensure_store()) return false;
  auto saved = s.store->load_session();
  if (!saved) return false;
  auto loaded = protocol::load_verified(saved->files, saved->content_hash);
  if (!loaded) return false;
  s.saved = std::move(*saved);
  s.content = std::move(*loaded);
  s.start_session();
  return true;
}

std::optional<Result<void, JoinFailure>> ClassCore::poll(Clock::time_point now) {
  State& s = *s_;
  std::optional<Result<void, JoinFailure>> outcome;
  if (s.in_flight != State::InFlight::None) {
    std::optional<HttpReply> reply = s.transport->take();
    if (!reply) return std::nullopt;
    const State::InFlight was = s.in_flight;
    s.in_flight = State::InFlight::None;
    if (was == State::InFlight::Join)
      outcome = s.finish_join(*reply);
    else if (was == State::InFlight::Check)
      s.finish_check(*reply, now);
    else
      s.finish_send(*reply, now);
  }
  if (s.join_waiting) {
    s.in_flight = State::InFlight::Join;
    s.transport->start(std::move(*s.join_waiting));
    s.join_waiting.reset();
    return outcome;
  }
  if (s.can_send() && s.pending > 0 && now >= s.next_try)
    s.start_send();
  else if (s.check_due(now))
    s.start_check(now);
  return outcome;
}

std::optional<ClassCore::Clock::time_point> ClassCore::next_due() const {
  const State& s = *s_;
  if (s.in_flight != State::InFlight::None || !s.has_session || s.ended) return std::nullopt;
  if (s.can_send() && s.pending > 0) return s.next_try;
  return s.pending == 0 ? std::optional(s.next_check) : std::nullopt;
}

// --- 6. Submitting, and what the core holds ---

bool ClassCore::submit(std::span<const RunnerEvent> events) {
  if (!s_->can_send()) return true;
  std::vector<std::pair<std::string, std::string>> items;
  items.reserve(events.size());
  for (const auto& e : events) {
    auto id = s_->options.new_id();
    if (!id) return false;  // no randomness: like a full disk, the game says answers are not kept
    items.emplace_back(std::move(*id), protocol::event_body(e));
  }
  return s_->queue(std::move(items));
}

bool ClassCore::submit_survey(std::string_view item, SurveyForm form, SurveyPhase phase,
                              int value) {
  if (!s_->can_send()) return true;
  auto id = s_->options.new_id();
  if (!id) return false;
  return s_->queue({{std::move(*id), protocol::survey_body(item, form, phase, value)}});
}

bool ClassCore::has_session() const {
  return s_->has_session;
}
ConnectionStatus ClassCore::status() const {
  return s_->status;
}
std::size_t ClassCore::pending() const {
  return s_->pending;
}
std::size_t ClassCore::dropped() const {
  return s_->dropped;
}

bool ClassCore::settled() const {
  const State& s = *s_;
  return !s.has_session || s.pending == 0 || s.ended || !s.saved.collect;
}

const SavedSession& ClassCore::session() const {
  return s_->saved;
}

std::vector<const Scenario*> ClassCore::scenarios() const {
  std::vector<const Scenario*> out;
  for (const auto& f : s_->content) {
    if (f.scenario()) out.push_back(f.scenario());
  }
  return out;
}

const Survey* ClassCore::survey() const {
  for (const auto& f : s_->content) {
    if (f.survey()) return f.survey();
  }
  return nullptr;
}

void ClassCore::leave() {
  State& s = *s_;
  if (s.store) s.store->forget();
  s.drop_session();
  s.ended = true;
  s.status = ConnectionStatus::SessionEnded;
}

}  // namespace upstander::client
