// The poll-driven class core with a fake server behind a fake transport and an in-memory
// store: delivery once and only once across outages and reloads, the server's refusals,
// the end of a session, join errors and how soon a student is back after a failure.
//
// Index:
//   1. A store that outlives the core
//   2. A fake server and transport
//   3. A device: core, store and clock
//   4. Hashing and delivery once
//   5. Reloads, lost answers and server errors
//   6. The end of a session and server restarts
//   7. Join errors
//   8. Data collection off, joining again, leaving

#include <doctest/doctest.h>

#include <deque>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "server_test_support.hpp"
#include "upstander/client/class_core.hpp"
#include "upstander/protocol/api_error_message.hpp"
#include "upstander/protocol/content_message.hpp"
#include "upstander/protocol/sha256.hpp"

using namespace upstander;
using namespace upstander::client;
using namespace upstander::protocol;
using namespace std::chrono_literals;
using Clock = ClassCore::Clock;

namespace {

// --- 1. A store that outlives the core ---

// The store's contents outlive any one core, like a file (or localStorage) across reloads.
struct StoreData {
  std::optional<SavedSession> session;
  std::map<std::int64_t, QueuedEvent> outbox;
  std::int64_t next_ord = 1;
  bool refuse_writes = false;
  int opened = 0;
};

class MemoryStore final : public ClassStore {
 public:
  explicit MemoryStore(std::shared_ptr<StoreData> d) : d_(std::move(d)) { ++d_->opened; }
  bool save_session(const SavedSession& s) override {
    if (d_->refuse_writes) return false;
    d_->session = s;
    d_->outbox.clear();
    return true;
  }
  std::optional<SavedSession> load_session() override { return d_->session; }
  bool enqueue(const std::vector<std::pair<std::string, std::string>>& items) override {
    if (d_->refuse_writes) return false;
    for (const auto& [id, body] : items) {
      const std::int64_t ord = d_->next_ord++;
      d_->outbox[ord] = {ord, id, body};
    }
    return true;
  }
  std::vector<QueuedEvent> peek(std::size_t max) override {
    std::vector<QueuedEvent> out;
    for (const auto& [ord, e] : d_->outbox) {
      if (out.size() == max) break;
      out.push_back(e);
    }
    return out;
  }
  bool remove(const std::vector<std::string>& ids) override {
    const std::set<std::string> gone(ids.begin(), ids.end());
    std::erase_if(d_->outbox, [&](const auto& kv) { return gone.count(kv.second.id) > 0; });
    return true;
  }
  std::size_t count() override { return d_->outbox.size(); }
  bool clear_outbox() override {
    d_->outbox.clear();
    return true;
  }
  bool forget() override {
    d_->session.reset();
    d_->outbox.clear();
    return true;
  }

 private:
  std::shared_ptr<StoreData> d_;
};

// --- 2. A fake server and transport ---

std::string read_text(const std::string& relative) {
  std::ifstream f(test::source_path(relative));
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

// A classroom server as the core sees it: it stores events by id (a resend is recognised),
// and can be down, ended, or answer with any status.
struct FakeServer {
  std::shared_ptr<StoreData> device;  // to check that what is sent was stored first
  bool up = true;
  bool ended = false;
  int status_override = 0;  // answer every event post with this status
  int retry_after = 0;
  bool lose_next_answer = false;  // store the batch, then answer 502 (the answer got lost)
  int refuse_index = -1;          // answer the next post 422 naming /events/<index>
  std::string join_code = "482913";
  int join_status = 200;   // non-200: refuse joins with this status
  std::string join_error;  // and this error code
  bool collect = true;
  bool tamper_content = false;
  std::vector<std::string> stored;  // event ids in the order they arrived
  std::set<std::string> seen;
  int event_posts = 0;
  int status_checks = 0;
  int sent_before_stored = 0;
  std::vector<Clock::time_point> post_times;

  HttpReply answer(const HttpRequest& r, Clock::time_point now) {
    HttpReply reply;
    if (!up) return reply;
    reply.reached = true;
    if (r.path == "/api/v1/join") return join(r);
    if (r.path == "/api/v1/student/session") {
      ++status_checks;
      if (ended) return {true, 410, encode_api_error("session_ended", ""), 0};
      return {true, 200, R"({"state":"open","collect":true})", 0};
    }
    ++event_posts;
    post_times.push_back(now);
    if (r.token != "tok") return {true, 401, encode_api_error("unauthorized", ""), 0};
    if (ended) return {true, 410, encode_api_error("session_ended", ""), 0};
    if (status_override) return {true, status_override, encode_api_error("x", ""), retry_after};
    if (refuse_index >= 0) {
      const std::string pointer = "/events/" + std::to_string(refuse_index) + "/node";
      refuse_index = -1;
      return {true, 422, encode_api_error("invalid", "", nlohmann::json{{"pointer", pointer}}), 0};
    }
    const auto j = nlohmann::json::parse(r.body);
    nlohmann::json ack = nlohmann::json::array();
    for (const auto& e : j["events"]) {
      const std::string id = e["id"];
      bool on_device = false;
      for (const auto& [ord, q] : device->outbox) on_device = on_device || q.id == id;
      if (!on_device) ++sent_before_stored;
      if (seen.insert(id).second) stored.push_back(id);
      ack.push_back(id);
    }
    if (lose_next_answer) {
      lose_next_answer = false;
      return {true, 502, "", 0};
    }
    reply.status = 200;
    reply.body = nlohmann::json{{"acknowledged", ack}}.dump();
    return reply;
  }

  HttpReply join(const HttpRequest& r) {
    const auto j = nlohmann::json::parse(r.body);
    if (join_status != 200) {
      return {true, join_status, encode_api_error(join_error, ""), retry_after};
    }
    if (j["code"] != join_code) return {true, 404, encode_api_error("unknown_code", ""), 0};
    std::vector<ServedFile> files{
        {"feature-tour.json", "scenario", "", read_text("content/scenarios/feature-tour.json")}};
    files[0].sha256 = sha256_hex(files[0].text);
    const std::string hash = content_hash(files);
    if (tamper_content) files[0].text += " ";
    nlohmann::json content = {{"hash", hash}, {"files", nlohmann::json::array()}};
    for (const auto& f : files) {
      content["files"].push_back(
          {{"name", f.name}, {"type", f.type}, {"sha256", f.sha256}, {"text", f.text}});
    }
    nlohmann::json body = {
        {"session", "s1"},
        {"token", "tok"},
        {"language", "ko"},
        {"collect", collect},
        {"pseudonym", {{"adjective", "calm"}, {"animal", "otter"}, {"number", 42}}},
        {"content", content}};
    return {true, 200, body.dump(), 0};
  }
};

// Answers on the next take(), like a fetch that completes between two frames.
class FakeTransport final : public Transport {
 public:
  FakeTransport(FakeServer& server, const Clock::time_point& now) : server_(server), now_(now) {}
  void start(HttpRequest r) override {
    REQUIRE_FALSE(in_flight_);  // one at a time
    in_flight_ = std::move(r);
  }
  std::optional<HttpReply> take() override {
    if (!in_flight_) return std::nullopt;
    HttpReply reply = server_.answer(*in_flight_, now_);
    in_flight_.reset();
    return reply;
  }

 private:
  FakeServer& server_;
  const Clock::time_point& now_;
  std::optional<HttpRequest> in_flight_;
};

// --- 3. A device: core, store and clock ---

struct Device {
  FakeServer& server;
  std::shared_ptr<StoreData> data;
  Clock::time_point now = Clock::time_point{} + 1000h;
  int next_id = 0;
  std::unique_ptr<ClassCore> core;

  Device(FakeServer& s, std::shared_ptr<StoreData> d, CoreOptions o = {})
      : server(s), data(std::move(d)) {
    server.device = data;
    reload(o);
  }

  // A new core on the same stored data, as after a page reload or a restart.
  void reload(CoreOptions o = {}) {
    core.reset();
    o.new_id = [this] {
      return "ev" + std::to_string(data->next_ord) + "-" + std::to_string(next_id++);
    };
    o.seed = 7;
    auto d = data;
    core = std::make_unique<ClassCore>(
        std::make_unique<FakeTransport>(server, now),
        [d]() -> StoreResult<std::unique_ptr<ClassStore>> {
          return std::unique_ptr<ClassStore>(std::make_unique<MemoryStore>(d));
        },
        o);
  }

  std::optional<Result<void, JoinFailure>> join(const std::string& code = "482913") {
    core->join({"10.0.0.5", 8080}, code);
    for (int i = 0; i < 4; ++i) {
      if (auto out = core->poll(now)) return out;
    }
    return std::nullopt;
  }

  // Frames at 60 Hz for `span` of simulated time.
  void run(std::chrono::milliseconds span) {
    const auto end = now + span;
    while (now < end) {
      core->poll(now);
      now += 16ms;
    }
    core->poll(now);
  }

  void play(int n) {
    for (int i = 0; i < n; ++i) {
      RunnerEvent e;
      e.type = EventType::NodeEntered;
      e.scenario = "feature-tour";
      e.node = "n" + std::to_string(i);
      REQUIRE(core->submit(e));
    }
  }
};

// What a finished join came to: its failure's code, or None when it joined.
JoinError code_of(const std::optional<Result<void, JoinFailure>>& out) {
  REQUIRE(out);
  return out->ok() ? JoinError::None : out->error().code;
}

}  // namespace

// --- 4. Hashing and delivery once ---

TEST_CASE("sha256 matches the standard's test vectors, across block boundaries") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK(sha256_hex(std::string(64, 'a')) ==
        "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("the core joins, keeps every event before sending it and delivers each once") {
  FakeServer server;
  Device d(server, std::make_shared<StoreData>());
  CHECK(d.data->opened == 0);  // nothing stored before a join
  const auto out = d.join();
  REQUIRE(out);
  CHECK(out->ok());
  REQUIRE(d.core->has_session());
  CHECK(d.core->session().pseudonym.animal == "otter");
  CHECK(d.core->scenarios().size() == 1);
  CHECK(d.data->session);
  d.play(5);
  CHECK(d.core->pending() == 5);
  CHECK(d.data->outbox.size() == 5);  // durable before anything is sent
  d.run(100ms);
  CHECK(d.core->pending() == 0);
  CHECK(d.core->status() == ConnectionStatus::Online);
  CHECK(server.stored.size() == 5);
  CHECK(server.sent_before_stored == 0);
  CHECK(d.data->outbox.empty());
}

TEST_CASE(
    "offline, then back: everything made meanwhile arrives once, and the retry comes within 5 s") {
  FakeServer server;
  Device d(server, std::make_shared<StoreData>());
  REQUIRE(d.join()->ok());
  server.up = false;
  for (int round = 0; round < 10; ++round) {
    d.play(3);
    d.run(2s);
  }
  CHECK(d.core->status() == ConnectionStatus::Offline);
  CHECK(d.core->pending() == 30);
  // Backoff is capped: attempts never stop and never wait more than 4 s.
  d.run(60s);
  for (std::size_t i = 1; i < server.post_times.size(); ++i) {
    CHECK(server.post_times[i] - server.post_times[i - 1] <= 4100ms);
  }
  const auto back = d.now;
  server.up = true;
  d.run(5s);
  CHECK(d.core->pending() == 0);
  CHECK(d.core->status() == ConnectionStatus::Online);
  CHECK(server.stored.size() == 30);
  CHECK(server.post_times.back() - back <= 4100ms);
  CHECK(server.sent_before_stored == 0);
}

// --- 5. Reloads, lost answers and server errors ---

TEST_CASE("a reload resumes the saved session and its waiting events without duplicates") {
  FakeServer server;
  auto data = std::make_shared<StoreData>();
  Device d(server, data);
  REQUIRE(d.join()->ok());
  d.play(4);
  d.run(100ms);
  server.up = false;
  d.play(6);
  d.run(1s);
  CHECK(d.core->pending() == 6);

  d.reload();  // the tab is reloaded while the server is away
  CHECK_FALSE(d.core->has_session());
  REQUIRE(d.core->resume());
  CHECK(d.core->pending() == 6);
  CHECK(d.core->session().token == "tok");
  CHECK(d.core->scenarios().size() == 1);
  d.play(2);
  server.up = true;
  d.run(5s);
  CHECK(d.core->pending() == 0);
  CHECK(server.stored.size() == 12);
  CHECK(std::set<std::string>(server.stored.begin(), server.stored.end()).size() == 12);
}

TEST_CASE("events whose answer was lost are sent again and stored once") {
  FakeServer server;
  Device d(server, std::make_shared<StoreData>());
  REQUIRE(d.join()->ok());
  d.play(3);
  server.lose_next_answer = true;
  d.core->poll(d.now);
  d.core->poll(d.now);
  CHECK(server.stored.size() == 3);
  CHECK(d.core->pending() == 3);  // not confirmed, so still kept
  d.run(5s);
  CHECK(d.core->pending() == 0);
  CHECK(server.event_posts == 2);
  CHECK(server.stored.size() == 3);
}

TEST_CASE("server errors keep the events; refusals drop only the refused one") {
  FakeServer server;
  Device d(server, std::make_shared<StoreData>());
  REQUIRE(d.join()->ok());
  d.play(3);

  SUBCASE("5xx and 429 are retried, honouring Retry-After") {
    server.status_override = 503;
    d.run(1s);
    CHECK(d.core->status() == ConnectionStatus::Offline);
    CHECK(d.core->pending() == 3);
    server.status_override = 429;
    server.retry_after = 20;
    d.run(6s);
    const auto asked = d.now;
    const int posts = server.event_posts;
    server.status_override = 0;
    d.run(10s);
    CHECK(server.event_posts == posts);  // it waits as long as the server asked
    d.run(11s);
    CHECK(d.core->pending() == 0);
    CHECK(server.stored.size() == 3);
    CHECK(server.post_times.back() - asked >= 10s);
  }
  SUBCASE("a 422 naming one event drops that event alone") {
    const std::string second = std::next(d.data->outbox.begin())->second.id;
    server.refuse_index = 1;
    d.run(1s);
    CHECK(d.core->dropped() == 1);
    CHECK(d.core->pending() == 0);
    CHECK(server.stored.size() == 2);
    CHECK(server.seen.count(second) == 0);
  }
  SUBCASE("401 means the token is no longer valid: the session is over") {
    d.core.reset();
    auto data = d.data;
    data->session->token = "old";
    d.reload();
    REQUIRE(d.core->resume());
    d.run(1s);
    CHECK(d.core->status() == ConnectionStatus::SessionEnded);
    CHECK(data->outbox.empty());
  }
}

// --- 6. The end of a session and server restarts ---

TEST_CASE("when the teacher ends the session the core stops sending and keeps nothing") {
  FakeServer server;
  Device d(server, std::make_shared<StoreData>());
  REQUIRE(d.join()->ok());
  d.play(2);
  d.run(100ms);
  server.ended = true;
  d.play(3);
  d.run(1s);
  CHECK(d.core->status() == ConnectionStatus::SessionEnded);
  CHECK(d.core->pending() == 0);
  CHECK(d.core->settled());
  CHECK(d.data->outbox.empty());
  const int posts = server.event_posts;
  d.play(2);  // playing on is solo: nothing is kept or sent
  d.run(10s);
  CHECK(server.event_posts == posts);
  CHECK(d.data->outbox.empty());
  CHECK_FALSE(d.core->next_due());
}

TEST_CASE("an idle device learns within seconds that the teacher ended the session") {
  FakeServer server;
  Device d(server, std::make_shared<StoreData>());
  REQUIRE(d.join()->ok());
  d.play(2);
  d.run(100ms);
  REQUIRE(d.core->pending() == 0);
  CHECK(d.core->status() == ConnectionStatus::Online);
  // Nothing to send: the device still asks now and then, and nothing changes while it is on.
  d.run(12s);
  CHECK(server.status_checks >= 2);
  CHECK(server.status_checks <= 4);  // every 5 s, not every frame
  CHECK(d.core->status() == ConnectionStatus::Online);
  REQUIRE(d.core->next_due());
  // The teacher ends it; the student has not touched anything since.
  server.ended = true;
  const int posts = server.event_posts;
  d.run(6s);
  CHECK(d.core->status() == ConnectionStatus::SessionEnded);
  CHECK(server.event_posts == posts);
  CHECK_FALSE(d.core->next_due());
}

TEST_CASE("an idle student whose server restarts is back online within 5 s, and waits when asked") {
  FakeServer server;
  Device d(server, std::make_shared<StoreData>());
  REQUIRE(d.join()->ok());
  d.play(1);
  d.run(100ms);
  REQUIRE(d.core->pending() == 0);
  // The server goes away (a restart) while the student reads a scene.
  server.up = false;
  d.run(30s);
  CHECK(d.core->status() == ConnectionStatus::Offline);
  server.up = true;
  const auto back = d.now;
  while (d.core->status() != ConnectionStatus::Online && d.now - back < 10s) d.run(16ms);
  CHECK(d.core->status() == ConnectionStatus::Online);
  CHECK(d.now - back <= 4100ms);
  // Online again, the idle interval is back (no asking on every backoff step).
  const int before = server.status_checks;
  d.run(12s);
  CHECK(server.status_checks - before <= 4);
  // A short outage: the first ask after it comes on the backoff's first step, not 5 s on.
  server.up = false;
  while (d.core->status() != ConnectionStatus::Offline && d.now - back < 30s) d.run(16ms);
  REQUIRE(d.core->status() == ConnectionStatus::Offline);
  server.up = true;
  const auto blip = d.now;
  while (d.core->status() != ConnectionStatus::Online && d.now - blip < 10s) d.run(16ms);
  CHECK(d.now - blip <= 600ms);

  // A server that answers 503 with Retry-After is given that long, not hammered.
  FakeServer busy;
  Device e(busy, std::make_shared<StoreData>());
  REQUIRE(e.join()->ok());
  e.play(1);
  busy.status_override = 503;
  busy.retry_after = 8;
  e.run(30s);
  REQUIRE(busy.post_times.size() >= 2);
  for (std::size_t i = 1; i < busy.post_times.size(); ++i)
    CHECK(busy.post_times[i] - busy.post_times[i - 1] >= 8s);
}

// --- 7. Join errors ---

TEST_CASE("join errors are told apart") {
  FakeServer server;
  Device d(server, std::make_shared<StoreData>());

  SUBCASE("unknown code") {
    const auto out = d.join("000000");
    REQUIRE(out);
    REQUIRE_FALSE(out->ok());
    CHECK(out->error().code == JoinError::UnknownCode);
    CHECK_FALSE(d.core->has_session());
    CHECK(d.data->opened == 0);
  }
  SUBCASE("too many tries, with how long to wait") {
    server.join_status = 429;
    server.join_error = "rate_limited";
    server.retry_after = 37;
    const auto out = d.join();
    REQUIRE(out);
    REQUIRE_FALSE(out->ok());
    CHECK(out->error().code == JoinError::TooManyTries);
    CHECK(out->error().retry_after_seconds == 37);
  }
  SUBCASE("locked lobby and full class") {
    server.join_status = 403;
    server.join_error = "lobby_locked";
    CHECK(code_of(d.join()) == JoinError::LobbyLocked);
    server.join_error = "session_full";
    CHECK(code_of(d.join()) == JoinError::SessionFull);
    server.join_status = 500;
    server.join_error = "internal";
    CHECK(code_of(d.join()) == JoinError::ServerError);
  }
  SUBCASE("no server") {
    server.up = false;
    CHECK(code_of(d.join()) == JoinError::Unreachable);
  }
  SUBCASE("content that does not match its hash") {
    server.tamper_content = true;
    CHECK(code_of(d.join()) == JoinError::BadContent);
    CHECK_FALSE(d.data->session);
  }
  SUBCASE("a device that cannot store") {
    d.data->refuse_writes = true;
    CHECK(code_of(d.join()) == JoinError::LocalStorage);
    CHECK_FALSE(d.core->has_session());
  }
}

// --- 8. Data collection off, joining again, leaving ---

TEST_CASE("with data collection off the core keeps and sends nothing") {
  FakeServer server;
  server.collect = false;
  Device d(server, std::make_shared<StoreData>());
  REQUIRE(d.join()->ok());
  CHECK(d.core->status() == ConnectionStatus::NotCollecting);
  d.play(3);
  d.run(1s);
  CHECK(d.data->outbox.empty());
  CHECK(server.event_posts == 0);
}

TEST_CASE("joining again while a send is in flight waits for it, then replaces the session") {
  FakeServer server;
  Device d(server, std::make_shared<StoreData>());
  REQUIRE(d.join()->ok());
  d.play(2);
  d.core->poll(d.now);  // a send is in flight
  d.core->join({"10.0.0.5", 8080}, "482913");
  CHECK(d.core->joining());
  std::optional<Result<void, JoinFailure>> out;
  for (int i = 0; i < 4 && !out; ++i) out = d.core->poll(d.now);
  REQUIRE(out);
  CHECK(out->ok());
  CHECK(d.core->has_session());
  CHECK(d.core->pending() == 0);
}

TEST_CASE("leaving forgets the session on the device") {
  FakeServer server;
  Device d(server, std::make_shared<StoreData>());
  REQUIRE(d.join()->ok());
  server.up = false;
  d.play(2);
  d.core->leave();
  CHECK_FALSE(d.core->has_session());
  CHECK_FALSE(d.data->session);
  CHECK(d.data->outbox.empty());
  d.reload();
  CHECK_FALSE(d.core->resume());
}
