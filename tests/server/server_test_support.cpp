// Test helpers: temp folders, in-process servers, an HTTP client, simulated students.
#include "server_test_support.hpp"

#include <doctest/doctest.h>
#include <httplib.h>
#include <sqlite3.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_socket.hpp"
#include "upstander/protocol/event_message.hpp"
#include "upstander/protocol/random_id.hpp"
#include "upstander/content_file.hpp"

namespace upstander::test {

namespace fs = std::filesystem;

std::string hex_id(std::uint64_t n) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(n));
  return buf;
}

std::string source_path(const std::string& relative) {
  return std::string(UPSTANDER_SOURCE_DIR) + "/" + relative;
}
std::string binary_path(const std::string& relative) {
  return std::string(UPSTANDER_BINARY_DIR) + "/" + relative;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TempDir::TempDir() {
  // A random name made by create_directory alone (fails if it exists), as mkdtemp does,
  // on every platform.
  for (int tries = 0; tries < 100 && path_.empty(); ++tries) {
    const fs::path candidate =
        fs::temp_directory_path() / ("upstander-test-" + protocol::random_hex(6).value());
    std::error_code ec;
    if (fs::create_directory(candidate, ec)) path_ = candidate.string();
  }
  REQUIRE(!path_.empty());
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

nlohmann::json HttpResult::json() const {
  return nlohmann::json::parse(body, nullptr, false);
}

std::string HttpResult::error_code() const {
  const auto j = json();
  if (!j.is_object() || !j.contains("error")) return "";
  return j["error"].value("code", "");
}

std::string HttpResult::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

HttpResult Http::request(const std::string& method, const std::string& path,
                         const std::string& body, const std::string& token,
                         const std::string& content_type,
                         const std::multimap<std::string, std::string>& extra) const {
  httplib::Client cli(host_, port_);
  cli.set_connection_timeout(5, 0);
  cli.set_read_timeout(30, 0);
  cli.set_keep_alive(false);
  httplib::Headers headers(extra.begin(), extra.end());
  if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
  auto send = [&]() -> httplib::Result {
    if (method == "POST") return cli.Post(path, headers, body, content_type);
    if (method == "PUT") return cli.Put(path, headers, body, content_type);
    if (method == "PATCH") return cli.Patch(path, headers, body, content_type);
    if (method == "DELETE") return cli.Delete(path, headers);
    if (method == "OPTIONS") return cli.Options(path, headers);
    return cli.Get(path, headers);
  };
  httplib::Result res = send();
  HttpResult out;
  if (!res) return out;
  out.status = res->status;
  out.body = res->body;
  out.headers.insert(res->headers.begin(), res->headers.end());
  return out;
}

HttpResult Http::get(const std::string& path, const std::string& token,
                     const std::multimap<std::string, std::string>& headers) const {
  return request("GET", path, "", token, "", headers);
}
HttpResult Http::post(const std::string& path, const std::string& body, const std::string& token,
                      const std::string& content_type,
                      const std::multimap<std::string, std::string>& headers) const {
  return request("POST", path, body, token, content_type, headers);
}
HttpResult Http::put(const std::string& path, const std::string& body,
                     const std::string& token) const {
  return request("PUT", path, body, token, "application/json", {});
}
HttpResult Http::del(const std::string& path, const std::string& token) const {
  return request("DELETE", path, "", token, "", {});
}

bool response_complete(const std::string& r) {
  const auto end = r.find("\r\n\r\n");
  if (end == std::string::npos) return false;
  const auto cl = r.find("Content-Length: ");
  if (cl == std::string::npos || cl > end) return false;
  const std::size_t length = std::strtoul(r.c_str() + cl + 16, nullptr, 10);
  return r.size() >= end + 4 + length;
}

std::string raw_exchange(int port, const std::string& bytes, int timeout_ms,
                         const std::string& source) {
  const int fd = try_connect(port, source);
  if (fd < 0) return "";
  // No shutdown of the sending side: httplib checks that the peer is still there before it
  // writes the answer, and a half-closed socket looks gone.
  send_all(fd, bytes);
  std::string out;
  while (!response_complete(out)) {
    const std::string more = read_some(fd, timeout_ms);
    if (more.empty()) break;
    out += more;
  }
  close_socket(fd);
  return out;
}

int raw_post(int port, const std::string& source, const std::string& path, const std::string& body,
             int* retry_after) {
  const std::string reply = raw_exchange(port,
                                         "POST " + path +
                                             " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                                             "Content-Type: application/json\r\nContent-Length: " +
                                             std::to_string(body.size()) + "\r\n\r\n" + body,
                                         5000, source);
  if (reply.rfind("HTTP/1.1 ", 0) != 0) return 0;
  if (retry_after) {
    const auto at = reply.find("Retry-After: ");
    *retry_after = at == std::string::npos ? 0 : std::atoi(reply.c_str() + at + 13);
  }
  return std::atoi(reply.c_str() + 9);
}

std::vector<std::string> test_content_paths() {
  return {source_path("content/scenarios"), source_path("tests/fixtures/server/survey")};
}

server::ServerOptions test_options(const std::string& data_dir, const TestClock& clock) {
  server::ServerOptions o;
  o.bind_address = "127.0.0.1";
  o.port = 0;
  o.data_dir = data_dir;
  o.content_paths = test_content_paths();
  o.clock = clock.clock();
  o.web_root = data_dir + "/no-web-bundle";  // never a bundle built in the developer's tree
  o.limits.worker_threads = 16;
  // Every simulated student shares 127.0.0.1: the per-address limit is tested on its own.
  o.limits.address_rate = 100000;
  o.limits.address_burst = 100000;
  return o;
}

TestServer::TestServer(server::ServerOptions options)
    : srv_(std::make_unique<server::ClassroomServer>()) {
  const server::StartResult r = srv_->start(options);
  REQUIRE_MESSAGE(r.ok(), r.message);
}

TestServer::TestServer(const std::string& data_dir, const TestClock& clock)
    : TestServer(test_options(data_dir, clock)) {}

TestServer::~TestServer() {
  srv_->stop();
}

nlohmann::json TestServer::create_session(const nlohmann::json& request) const {
  const HttpResult r = http().post("/api/v1/teacher/sessions", request.dump(), token());
  REQUIRE_MESSAGE(r.status == 201, r.body);
  return r.json();
}

int SimStudent::join(const std::string& code) {
  const HttpResult r = http_.post("/api/v1/join", nlohmann::json{{"code", code}}.dump());
  if (r.status == 200) {
    joined_ = r.json();
    token_ = joined_["token"].get<std::string>();
  }
  return r.status;
}

void SimStudent::queue_json(nlohmann::json e) {
  e["id"] = hex_id(rng_());
  e["ord"] = ++ord_;
  outbox_.push_back(std::move(e));
}

void SimStudent::queue(const RunnerEvent& e) {
  // The student client's own encoding: what the server is tested with is what games send.
  nlohmann::json j = nlohmann::json::parse(protocol::event_body(e));
  if (e.type == EventType::ChoiceMade) choices_[e.node] = e.choice;
  if (e.type == EventType::EndingReached) ending_ = e.node;
  queue_json(std::move(j));
}

int SimStudent::flush() {
  int status = 200;
  while (!outbox_.empty()) {
    nlohmann::json batch{{"events", outbox_}};
    const HttpResult r = http_.post("/api/v1/student/events", batch.dump(), token_);
    status = r.status;
    if (r.status != 200) return status;
    sent_ += outbox_.size();
    outbox_.clear();
  }
  return status;
}

void SimStudent::play(const Scenario& s, double back_probability) {
  Runner r(s);
  r.start();
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  int guard = 0;
  while (!r.at_ending() && ++guard < 500) {
    if (r.node().kind == NodeKind::Reflection) {
      const auto& body = r.node().as<ReflectionBody>();
      if (!body.options.empty()) {
        r.answer(body.options[rng_() % body.options.size()].id);
      } else {
        r.answer_scale(1 + static_cast<int>(rng_() % 5));
      }
      r.advance();
    } else if (r.node().is_decision()) {
      const auto visible = r.visible_choices();
      REQUIRE(!visible.empty());
      r.choose_visible(rng_() % visible.size());
      if (coin(rng_) < back_probability && r.can_go_back()) {
        for (const auto& e : r.take_events()) queue(e);
        r.back();
        r.choose_visible(rng_() % r.visible_choices().size());
      }
    } else {
      r.advance();
    }
    for (const auto& e : r.take_events()) queue(e);
    REQUIRE(flush() == 200);
  }
  for (const auto& e : r.take_events()) queue(e);
  REQUIRE(flush() == 200);
}

void SimStudent::answer_survey(const Survey& survey, SurveyPhase phase,
                               const std::function<int(const SurveyItem&)>& value) {
  const auto order = parse_survey_order(joined_.value("survey_order", ""));
  REQUIRE_MESSAGE(order.has_value(), "the join answer has no survey_order");
  const SurveyForm form = form_for(*order, phase);
  const bool pre = phase == SurveyPhase::Pre;
  (pre ? pre_form_ : post_form_) = form == SurveyForm::A ? 'A' : 'B';
  for (const auto& item : survey.items) {
    const int v = value ? value(item) : 1 + static_cast<int>(rng_() % 5);
    (pre ? pre_ : post_)[item.id] = v;
    queue_json({{"type", "survey_answered"},
                {"item", item.id},
                {"form", std::string(1, form == SurveyForm::A ? 'A' : 'B')},
                {"phase", pre ? "pre" : "post"},
                {"value", v}});
  }
  REQUIRE(flush() == 200);
}

void SimStudent::answer_survey_without_phase(const Survey& survey, char form) {
  for (const auto& item : survey.items) {
    const int v = 1 + static_cast<int>(rng_() % 5);
    (form == 'A' ? pre_ : post_)[item.id] = v;
    queue_json({{"type", "survey_answered"},
                {"item", item.id},
                {"form", std::string(1, form)},
                {"value", v}});
  }
  REQUIRE(flush() == 200);
}

namespace {
struct LoadedRepoFile {
  ContentFile file;
  Diagnostics diagnostics;
};
const LoadedRepoFile& repo_file(const std::string& relative) {
  static std::map<std::string, std::unique_ptr<LoadedRepoFile>> cache;
  auto& slot = cache[relative];
  if (!slot) {
    slot = std::make_unique<LoadedRepoFile>();
    slot->file = load_content_file(source_path(relative), slot->diagnostics);
    REQUIRE(slot->file.ok());
  }
  return *slot;
}
}  // namespace

const Scenario& tour_scenario() {
  return *repo_file("content/scenarios/feature-tour.json").file.scenario();
}
const Survey& test_survey() {
  return *repo_file("tests/fixtures/server/survey/test-survey.json").file.survey();
}

std::int64_t query_count(const std::string& data_dir, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2((data_dir + "/classroom.sqlite").c_str(), &db, SQLITE_OPEN_READONLY,
                          nullptr) == SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* st = nullptr;
  std::int64_t n = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    n = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

std::string database_bytes(const std::string& data_dir) {
  std::string out;
  for (const char* name : {"/classroom.sqlite", "/classroom.sqlite-wal"}) {
    std::ifstream in(data_dir + name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out += ss.str();
  }
  return out;
}

}  // namespace upstander::test
