// Helpers for the classroom server tests: a temporary folder, an in-process server on an
// ephemeral loopback port with a settable clock, a real HTTP client, and simulated
// students who play scenarios with the engine's runner.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "upstander/runner.hpp"
#include "upstander/server/classroom_server.hpp"
#include "upstander/survey.hpp"

namespace upstander::test {

// A client event id in the server's format (16 lowercase hex digits) made from `n`.
std::string hex_id(std::uint64_t n);

std::string source_path(const std::string& relative);
std::string binary_path(const std::string& relative);
// The whole file as bytes; empty if it cannot be read.
std::string read_file(const std::string& path);

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct HttpResult {
  int status = 0;  // 0: no answer
  std::string body;
  std::multimap<std::string, std::string> headers;
  nlohmann::json json() const;
  std::string error_code() const;  // error.code, or ""
  std::string header(const std::string& name) const;
};

// A real HTTP client on a loopback port.
class Http {
 public:
  explicit Http(int port, std::string host = "127.0.0.1") : port_(port), host_(std::move(host)) {}
  HttpResult get(const std::string& path, const std::string& token = "",
                 const std::multimap<std::string, std::string>& headers = {}) const;
  HttpResult post(const std::string& path, const std::string& body, const std::string& token = "",
                  const std::string& content_type = "application/json",
                  const std::multimap<std::string, std::string>& headers = {}) const;
  HttpResult put(const std::string& path, const std::string& body,
                 const std::string& token = "") const;
  HttpResult del(const std::string& path, const std::string& token = "") const;
  HttpResult request(const std::string& method, const std::string& path, const std::string& body,
                     const std::string& token, const std::string& content_type,
                     const std::multimap<std::string, std::string>& headers) const;

 private:
  int port_;
  std::string host_;
};

// One whole response (headers and Content-Length bytes of body) has arrived: a server that
// keeps the connection open need not be waited for.
bool response_complete(const std::string& r);
// Sends raw bytes on a new connection (test_socket.hpp) and returns what came back before the
// server closed it or `timeout_ms` passed ("" if nothing). `source` picks the local address
// (another 127.x.y.z stands for another student's machine).
std::string raw_exchange(int port, const std::string& bytes, int timeout_ms = 2000,
                         const std::string& source = "");
// A JSON POST over raw_exchange from `source`; returns the status (0 if no answer) and
// fills `retry_after` from the header when present.
int raw_post(int port, const std::string& source, const std::string& path, const std::string& body,
             int* retry_after = nullptr);

// Seconds since the epoch that tests move forward by hand.
struct TestClock {
  std::shared_ptr<std::atomic<std::int64_t>> now =
      std::make_shared<std::atomic<std::int64_t>>(1'800'000'000);
  server::Clock clock() const {
    auto n = now;
    return [n] { return n->load(); };
  }
  void advance(std::int64_t seconds) const { *now += seconds; }
};

// The content the tests use: the feature tour and a test survey.
std::vector<std::string> test_content_paths();

server::ServerOptions test_options(const std::string& data_dir, const TestClock& clock);

// An in-process server on 127.0.0.1 with a free port.
class TestServer {
 public:
  explicit TestServer(server::ServerOptions options);
  explicit TestServer(const std::string& data_dir, const TestClock& clock = {});
  ~TestServer();
  int port() const { return srv_->port(); }
  const std::string& token() const { return srv_->teacher_token(); }
  Http http() const { return Http(port()); }
  server::ClassroomServer& server() { return *srv_; }
  void stop() { srv_->stop(); }

  // Creates a session and returns its JSON; fails the test if it cannot.
  nlohmann::json create_session(const nlohmann::json& request) const;

 private:
  std::unique_ptr<server::ClassroomServer> srv_;
};

// A student who joins and plays: choices come from a seeded generator; every event the
// runner reports is queued and posted in batches, like the real client.
class SimStudent {
 public:
  SimStudent(int port, std::uint64_t seed) : http_(port), rng_(seed) {}

  // POST /join; returns the status.
  int join(const std::string& code);
  const nlohmann::json& join_answer() const { return joined_; }
  const std::string& token() const { return token_; }

  // Plays one scenario to an ending, posting after every step. `back_probability`: chance
  // of going back once at a decision and choosing again (only the last choice counts).
  void play(const Scenario& s, double back_probability = 0.0);
  // Answers every question on the form its join answer's survey_order gives for `phase`.
  // `value` picks each answer (default: at random).
  void answer_survey(const Survey& survey, SurveyPhase phase,
                     const std::function<int(const SurveyItem&)>& value = {});
  // As a client from before counterbalancing: no phase, form A taken as before play.
  void answer_survey_without_phase(const Survey& survey, char form);
  char pre_form() const { return pre_form_; }  // 'A' or 'B' once answered
  char post_form() const { return post_form_; }
  // Posts what is queued; returns the status of the last post (200 when nothing queued).
  int flush();

  // The choice that counts per decision node, the ending, and survey values: what the
  // class summary must add up to.
  const std::map<std::string, std::string>& final_choices() const { return choices_; }
  const std::string& ending() const { return ending_; }
  const std::map<std::string, int>& survey_pre() const { return pre_; }
  const std::map<std::string, int>& survey_post() const { return post_; }
  std::size_t events_sent() const { return sent_; }

 private:
  void queue(const RunnerEvent& e);
  void queue_json(nlohmann::json e);

  Http http_;
  std::mt19937_64 rng_;
  nlohmann::json joined_;
  std::string token_;
  std::vector<nlohmann::json> outbox_;
  std::int64_t ord_ = 0;
  std::size_t sent_ = 0;
  std::map<std::string, std::string> choices_;
  std::string ending_;
  std::map<std::string, int> pre_, post_;
  char pre_form_ = 0, post_form_ = 0;
};

// The scenario and survey as the tests load them from the repository.
const Scenario& tour_scenario();
const Survey& test_survey();

// One number from the server's database, read on a connection of the test's own (the
// tests look inside the file; teachers only ever see suppressed aggregates).
std::int64_t query_count(const std::string& data_dir, const std::string& sql);

// Every byte of the database file and its write-ahead log, for checks that deleted data
// is really gone.
std::string database_bytes(const std::string& data_dir);

}  // namespace upstander::test
