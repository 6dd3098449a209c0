// Seeded random inputs against request parsing: the event batch reader in-process, and
// raw HTTP on a socket. Nothing may crash, hang or answer outside 4xx for garbage.
#include <doctest/doctest.h>

#include <atomic>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include "event_validation.hpp"
#include "server_test_support.hpp"
#include "session_content.hpp"
#include "sha256.hpp"

using namespace upstander;
using namespace upstander::test;

namespace {

const std::string kValidBatch =
    R"({"events":[)"
    R"({"id":"f29bc91bbdab169f","ord":1,"type":"scenario_started","scenario":"feature-tour"},)"
    R"({"id":"b9f85daa6f83cf02","ord":2,"type":"node_entered","scenario":"feature-tour","node":"saturday"},)"
    R"({"id":"252bc06763afb3b6","ord":3,"type":"choice_made","scenario":"feature-tour","node":"ask-share","choice":"say-yes"},)"
    R"({"id":"21440dba05ffe31f","ord":4,"type":"reflection_answered","scenario":"feature-tour","node":"what-helps","option":"adult"},)"
    R"({"id":"0e8c4304837e44c4","ord":5,"type":"scene_skipped","scenario":"feature-tour","node":"edited","to":"other-phone"},)"
    R"({"id":"b591abbba2f4de49","ord":6,"type":"ending_reached","scenario":"feature-tour","node":"end-harm"},)"
    R"({"id":"6f11328affdaa610","ord":7,"type":"survey_answered","item":"fake-harm","form":"B","value":4}]})";

std::string mutate(std::string s, std::mt19937_64& rng) {
  static const std::string kPieces[] = {"{",
                                        "}",
                                        "[",
                                        "]",
                                        "\"",
                                        ",",
                                        ":",
                                        "null",
                                        "true",
                                        "-1",
                                        "1e999",
                                        "\xff",
                                        "\xc3",
                                        "\\u0000",
                                        "\\ud800",
                                        "9999999999999999999999",
                                        " ",
                                        "\"\"",
                                        "{\"events\":",
                                        "\"type\"",
                                        "\"choice_made\""};
  const int edits = 1 + static_cast<int>(rng() % 4);
  for (int e = 0; e < edits && !s.empty(); ++e) {
    const std::size_t at = rng() % s.size();
    switch (rng() % 4) {
      case 0: s.erase(at, 1 + rng() % 8); break;
      case 1: s.insert(at, kPieces[rng() % std::size(kPieces)]); break;
      case 2: s[at] = static_cast<char>(rng() % 256); break;
      case 3: s = s.substr(0, at); break;
    }
  }
  return s;
}

std::shared_ptr<const server::SessionContent> tour_content() {
  std::ifstream in(source_path("content/scenarios/feature-tour.json"));
  std::stringstream a;
  a << in.rdbuf();
  std::ifstream in2(source_path("tests/fixtures/server/survey/test-survey.json"));
  std::stringstream b;
  b << in2.rdbuf();
  auto c = server::SessionContent::load(
      {{"feature-tour.json", "scenario", a.str(), ""}, {"survey.json", "survey", b.str(), ""}});
  REQUIRE_MESSAGE(c, (c ? "" : c.error().message));
  return *c;
}

}  // namespace

TEST_CASE("the event batch reader accepts the valid batch and survives 5,000 mutations of it") {
  const auto content = tour_content();
  const auto read = server::read_event_batch(kValidBatch, *content, 500);
  REQUIRE_MESSAGE(read.ok(), (read.ok() ? "" : read.error().message));
  const auto& events = *read;
  REQUIRE(events.size() == 7);
  CHECK(events[2].answer == "say-yes");
  CHECK(events[6].value == 4);

  std::mt19937_64 rng(20240905);
  int accepted = 0;
  for (int i = 0; i < 5000; ++i) {
    const std::string input = mutate(kValidBatch, rng);
    const auto out = server::read_event_batch(input, *content, 500);
    if (out.ok()) {
      ++accepted;
      // Whatever is accepted holds only ids that exist in the content.
      for (const auto& ev : *out) {
        if (ev.type != server::ClassEventType::SurveyAnswered)
          CHECK(content->scenario(ev.scenario) != nullptr);
      }
    } else {
      const server::BodyError& e = out.error();
      CHECK(!e.code.empty());
      CHECK(e.status >= 400);
      CHECK(e.status < 500);
      CHECK(!e.message.empty());
    }
  }
  CHECK(accepted < 5000);
}

TEST_CASE("random and broken HTTP requests never take the server down") {
  TempDir dir;
  TestClock clock;
  server::ServerOptions o = test_options(dir.path(), clock);
  o.limits.request_seconds = 1;  // requests promising more body than they send end sooner
  o.limits.worker_threads = 64;
  TestServer srv(o);
  const auto session = srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}});
  SimStudent s(srv.port(), 1);
  REQUIRE(s.join(session["code"]) == 200);
  const std::string token = s.token();
  std::mt19937_64 rng(77);
  const std::string paths[] = {
      "/api/v1/join",
      "/api/v1/student/events",
      "/api/v1/teacher/sessions",
      "/api/v1/health",
      "/api/v1/teacher/sessions/" + session["id"].get<std::string>() + "/summary",
      "/api/v1/../../etc/passwd",
      "/api/v1/%00",
      "/" + std::string(9000, 'a')};
  const std::string methods[] = {"GET",   "POST",    "PUT",  "DELETE",
                                 "PATCH", "OPTIONS", "BREW", "G\x01T"};
  std::vector<std::string> requests;
  for (int i = 0; i < 300; ++i) {
    std::string req;
    if (i % 10 == 0) {
      for (int b = 0; b < 200; ++b) req.push_back(static_cast<char>(rng() % 256));
    } else {
      const std::string body =
          i % 3 == 0 ? mutate(kValidBatch, rng) : mutate(R"({"code":"ABCDEF"})", rng);
      req = methods[rng() % std::size(methods)] + " " + paths[rng() % std::size(paths)] +
            " HTTP/1.1\r\n";
      req += "Host: 127.0.0.1\r\n";
      if (rng() % 2) req += "Authorization: Bearer " + token + "\r\n";
      if (rng() % 5) req += "Content-Type: application/json\r\n";
      if (rng() % 7 == 0) req += "Transfer-Encoding: chunked\r\n";
      if (rng() % 9 == 0) req += std::string(200, 'X') + ": y\r\n";
      req += "Content-Length: " + std::to_string(rng() % 5 == 0 ? rng() % 100000 : body.size()) +
             "\r\n\r\n" + body;
      if (rng() % 4 == 0) req = mutate(req, rng);
    }
    requests.push_back(std::move(req));
  }
  // Sent from several threads at once, as a busy network would.
  std::atomic<int> answered{0};
  std::atomic<int> malformed{0};
  std::atomic<int> server_errors{0};
  std::vector<std::thread> senders;
  for (std::size_t t = 0; t < 6; ++t) {
    senders.emplace_back([&, t] {
      for (std::size_t i = t; i < requests.size(); i += 6) {
        const std::string reply = raw_exchange(srv.port(), requests[i], 300);
        if (reply.empty()) continue;
        ++answered;
        if (reply.rfind("HTTP/1.1 ", 0) != 0) ++malformed;
        const int status = std::atoi(reply.c_str() + 9);
        if (status >= 500 || status < 200) ++server_errors;
      }
    });
  }
  for (auto& t : senders) t.join();
  CHECK(malformed == 0);
  CHECK(server_errors == 0);
  CHECK(answered > 30);
  CHECK(srv.http().get("/api/v1/health").status == 200);
  // The store is intact: a normal student goes on as before.
  s.play(tour_scenario());
}
