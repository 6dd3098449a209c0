// The dashboard without a thread (the browser's): requests one at a time through a
// Transport, polled; the sign-in's states from the server's answers; the CSRF token on
// every request once signed in; and the whole dashboard flow against a real server over it.
#include <doctest/doctest.h>

#include <deque>

#include "dashboard_model.hpp"
#include "http_call.hpp"
#include "server_test_support.hpp"
#include "teacher_sign_in.hpp"
#include "transport_channel.hpp"
#include "upstander/protocol/api_error_message.hpp"

using namespace upstander;
using namespace upstander::dashboard;

namespace {

// Answers from a script, only when the test says the network delivered them.
struct ScriptedTransport final : client::Transport {
  std::vector<client::HttpRequest>* started;
  std::deque<client::HttpReply>* replies;
  bool* delivered;
  ScriptedTransport(std::vector<client::HttpRequest>* s, std::deque<client::HttpReply>* r, bool* d)
      : started(s), replies(r), delivered(d) {}
  void start(client::HttpRequest request) override { started->push_back(std::move(request)); }
  std::optional<client::HttpReply> take() override {
    if (!*delivered || replies->empty()) return std::nullopt;
    client::HttpReply r = replies->front();
    replies->pop_front();
    return r;
  }
};

client::HttpReply reply(int status, const std::string& body, int retry_after = 0) {
  client::HttpReply r;
  r.reached = status != 0;
  r.status = status;
  r.body = body;
  r.retry_after = retry_after;
  return r;
}

struct Scripted {
  std::vector<client::HttpRequest> started;
  std::deque<client::HttpReply> replies;
  bool delivered = true;
  TransportChannel channel{std::make_unique<ScriptedTransport>(&started, &replies, &delivered),
                           {"10.0.0.5", 8080}};
};

std::string header(const client::HttpRequest& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

// The native HTTP call made when the test polls: the browser's fetch() without a browser,
// signed in with the teacher token instead of the cookie.
struct BlockingTransport final : client::Transport {
  std::string token;
  std::optional<client::HttpRequest> pending;
  explicit BlockingTransport(std::string t) : token(std::move(t)) {}
  void start(client::HttpRequest request) override {
    request.token = token;
    pending = std::move(request);
  }
  std::optional<client::HttpReply> take() override {
    if (!pending) return std::nullopt;
    client::HttpReply r = client::http_call(*pending, {});
    pending.reset();
    return r;
  }
};

}  // namespace

TEST_CASE(
    "the transport channel: one request at a time, answers in order, more sent from an answer") {
  Scripted s;
  s.delivered = false;
  std::vector<std::string> order;
  s.channel.send(api::get("/api/v1/teacher/sessions"), [&](const ApiResult& r) {
    order.push_back("sessions " + std::to_string(status_of(r)));
    s.channel.send(api::get("/api/v1/teacher/settings"), [&](const ApiResult& r2) {
      order.push_back("settings " + std::to_string(status_of(r2)) + " " +
                      (r2.ok() ? "" : r2.error().code));
    });
  });
  s.channel.send(api::put_settings({{"default_k", 6}}), [&](const ApiResult& r) {
    order.push_back("put " + std::to_string(status_of(r)) + " " +
                    (r.ok() ? r->body.value("x", "") : ""));
  });
  CHECK(s.started.size() == 1);  // the second waits for the first's answer
  CHECK(s.channel.apply_finished() == 0);
  CHECK_FALSE(s.channel.idle());
  s.replies = {reply(200, R"({"sessions":[]})"), reply(200, R"({"x":"y"})"), reply(0, "")};
  s.delivered = true;
  CHECK(s.channel.apply_finished() == 3);
  CHECK(order == std::vector<std::string>{"sessions 200", "put 200 y", "settings 0 unreachable"});
  REQUIRE(s.started.size() == 3);
  CHECK(s.started[1].method == "PUT");
  CHECK(s.started[1].body == R"({"default_k":6})");
  CHECK(s.started[2].path == "/api/v1/teacher/settings");
  CHECK(header(s.started[0], "X-Upstander-CSRF").empty());
  CHECK(s.channel.idle());
}

TEST_CASE("signing in: not signed in, wrong passphrase, slowed down, signed in, then expired") {
  Scripted s;
  TeacherSignIn sign_in(s.channel);
  CHECK(sign_in.state() == SignIn::Checking);

  s.replies = {reply(401, protocol::encode_api_error("unauthorized", ""))};
  sign_in.check();
  s.channel.apply_finished();
  CHECK(sign_in.state() == SignIn::SignedOut);
  CHECK(sign_in.problem().empty());  // not signed in yet is no error
  CHECK(s.started.back().path == "/api/v1/teacher/csrf");

  s.replies = {reply(401, protocol::encode_api_error("wrong_passphrase", ""))};
  sign_in.sign_in("not it");
  CHECK(sign_in.state() == SignIn::SigningIn);
  s.channel.apply_finished();
  CHECK(sign_in.state() == SignIn::SignedOut);
  CHECK(sign_in.problem() == "teacher.signin.wrong");
  CHECK(s.started.back().method == "POST");
  CHECK(s.started.back().body == R"({"passphrase":"not it"})");

  s.replies = {reply(429, protocol::encode_api_error("rate_limited", ""), 30)};
  sign_in.sign_in("again");
  s.channel.apply_finished();
  CHECK(sign_in.problem() == "teacher.signin.slow_down");
  CHECK(sign_in.retry_after() == 30);

  s.replies = {reply(409, protocol::encode_api_error("no_passphrase", ""))};
  sign_in.sign_in("x");
  s.channel.apply_finished();
  CHECK(sign_in.problem() == "teacher.signin.no_passphrase");

  s.replies = {reply(200, R"({"csrf":"c5rf"})")};
  sign_in.passphrase() = "right";
  sign_in.sign_in(sign_in.passphrase());
  s.channel.apply_finished();
  sign_in.update();
  CHECK(sign_in.state() == SignIn::SignedIn);
  CHECK(sign_in.sign_ins() == 1);
  CHECK(sign_in.passphrase().empty());  // not kept once used

  // Every request from now on carries the token.
  s.replies = {reply(200, R"({"sessions":[]})")};
  s.channel.send(api::sessions(), nullptr);
  CHECK(header(s.started.back(), "X-Upstander-CSRF") == "c5rf");
  s.channel.apply_finished();
  sign_in.update();
  CHECK(sign_in.state() == SignIn::SignedIn);

  // The cookie expired: the next teacher call is refused, and the page asks to sign in.
  s.replies = {reply(401, protocol::encode_api_error("unauthorized", ""))};
  s.channel.send(api::sessions(), nullptr);
  s.channel.apply_finished();
  sign_in.update();
  CHECK(sign_in.state() == SignIn::SignedOut);
  CHECK(sign_in.problem() == "teacher.signin.expired");
  CHECK(s.channel.csrf().empty());
}

TEST_CASE("a server that cannot be reached, and an answer without a token, are said so") {
  Scripted s;
  TeacherSignIn sign_in(s.channel);
  s.replies = {reply(0, "")};
  sign_in.check();
  s.channel.apply_finished();
  CHECK(sign_in.problem() == "teacher.signin.unreachable");
  s.replies = {reply(200, R"({"passphrase_set":true})")};
  sign_in.check();
  s.channel.apply_finished();
  CHECK(sign_in.state() == SignIn::SignedOut);
  CHECK(sign_in.problem() == "teacher.signin.failed");
}

TEST_CASE("the dashboard over a polled transport: a session opened, polled, ended, exported") {
  test::TempDir server_dir, scratch;
  test::TestServer srv{server_dir.path()};
  ContentLibrary lib = ContentLibrary::load({test::source_path("content/locale")});
  std::vector<std::pair<std::string, std::string>> saved;
  DashboardConfig config;
  config.content_dir = test::source_path("content");
  config.save_export = [&](const std::string& name, const std::string& body) {
    saved.emplace_back(name, body);
    return SavedExport{true, name, "teacher.export.downloaded"};
  };
  DashboardSettings local;
  local.language = "en";
  Dashboard d(std::make_unique<TransportChannel>(std::make_unique<BlockingTransport>(srv.token()),
                                                 ServerUrl{"127.0.0.1", srv.port()}),
              lib, local, config);
  double now = 0;
  const auto frames = [&](int n) {
    for (int i = 0; i < n; ++i) d.update(now += 0.1);
  };
  d.refresh_all();
  frames(5);
  REQUIRE_FALSE(d.catalog().scenarios.empty());
  d.toggle_scenario("group-chat");
  d.start_session();
  frames(3);
  REQUIRE(d.current());
  CHECK(d.screen() == Screen::Lobby);
  const std::string id = d.current()->id;
  test::SimStudent student(srv.port(), 1);
  REQUIRE(student.join(d.current()->code) == 200);
  frames(10);  // a poll every 0.5 s
  CHECK(d.current()->players == 1);
  d.request_end();
  d.accept_confirm();
  frames(5);
  CHECK_FALSE(d.current());
  CHECK(d.mode() == Mode::Results);
  REQUIRE(d.selected());
  CHECK(d.selected()->session.id == id);
  d.export_selected("csv");
  d.export_selected("html");
  frames(3);
  REQUIRE(saved.size() == 2);
  CHECK(saved[0].first.find(".html") != std::string::npos);  // made here, at once
  CHECK(saved[0].second.find("<html") != std::string::npos);
  CHECK(saved[1].first.find(".csv") != std::string::npos);  // after the server's answer
  CHECK(saved[1].second.find("section,") != std::string::npos);
  CHECK(d.notice_key() == "teacher.export.downloaded");
}
