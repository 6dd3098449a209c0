// Results name each decision by its title in the session's language (issue 15 item 11):
// the summary carries it, the CSV shows it next to the node id, never the scene's id.
#include <doctest/doctest.h>

#include <string>

#include "server_test_support.hpp"

namespace upstander::test {

namespace {

nlohmann::json first_move(const nlohmann::json& summary) {
  for (const auto& s : summary["scenarios"]) {
    if (s["id"] != "group-chat") continue;
    for (const auto& d : s["decisions"])
      if (d["node"] == "first-move") return d;
  }
  return {};
}

}  // namespace

TEST_CASE(
    "decisions are titled from the teacher guide in the session's language, in the summary and the CSV") {
  TempDir dir;
  TestClock clock;
  server::ServerOptions o = test_options(dir.path(), clock);
  o.content_paths = {
      source_path("content")};  // as `serve` loads it: scenarios, surveys and the guide
  TestServer srv(o);
  Http http = srv.http();
  for (const auto& [lang, title] :
       {std::pair<std::string, std::string>{"ko", "첫 반응: 반 단톡에 사진이 올라옴"},
        {"en", "First move: the photo lands in the class chat"}}) {
    INFO(lang);
    const auto s = srv.create_session({{"scenarios", {"group-chat"}}, {"language", lang}});
    const std::string base = "/api/v1/teacher/sessions/" + s["id"].get<std::string>();
    const nlohmann::json summary = http.get(base + "/summary", srv.token()).json();
    const nlohmann::json d = first_move(summary);
    REQUIRE(d.is_object());
    CHECK(d["title"] == title);
    CHECK(d["scene"] == "photo");  // the id stays, in its own field
    const std::string csv = http.get(base + "/export?format=csv", srv.token()).body;
    CHECK(csv.find("choice,group-chat,first-move," + title + ",(total),") != std::string::npos);
    CHECK(csv.find(",first-move,photo,") == std::string::npos);
    CHECK(http.get(base + "/export?format=json", srv.token()).json()["scenarios"] ==
          summary["scenarios"]);
  }
}

TEST_CASE("a content folder without a guide still titles decisions in words") {
  TempDir dir;
  TestServer srv(dir.path());  // content/scenarios only: no guide
  const auto s = srv.create_session({{"scenarios", {"group-chat"}}, {"language", "ko"}});
  const nlohmann::json summary =
      srv.http()
          .get("/api/v1/teacher/sessions/" + s["id"].get<std::string>() + "/summary", srv.token())
          .json();
  const std::string title = first_move(summary)["title"];
  CHECK(title.rfind("알림이 멈추질 않아.", 0) == 0);
}

}  // namespace upstander::test

namespace upstander::test {

TEST_CASE("the teacher's scenario list puts classroom scenarios first, in their own order") {
  TempDir dir;
  TestServer srv(dir.path());
  const nlohmann::json list =
      srv.http().get("/api/v1/teacher/scenarios", srv.token()).json()["scenarios"];
  std::vector<std::string> ids;
  for (const auto& s : list) ids.push_back(s["id"]);
  CHECK(ids == std::vector<std::string>{"group-chat", "just-for-fun", "the-message", "the-friend",
                                        "booster", "feature-tour"});
}

}  // namespace upstander::test
