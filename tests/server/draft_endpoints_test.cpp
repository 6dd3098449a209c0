// Author mode's drafts on the server (docs/api.md, "Drafts"): saved and autosaved text kept
// across a restart, recovery offered until the next save, ids that never become paths, the
// body limits, the refusals a page without the teacher's cookie and CSRF token gets, and
// "play from here" previews.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <optional>

#include "draft_folder.hpp"
#include "server_test_support.hpp"

using namespace upstander;
using namespace upstander::test;
namespace fs = std::filesystem;

namespace {

using DraftHeaders = std::multimap<std::string, std::string>;

// A browser signed in with a fresh link, as the page is: its cookie and CSRF token.
DraftHeaders draft_browser(TestServer& srv) {
  const HttpResult link =
      srv.http().get("/teacher/signin?token=" + srv.server().new_signin_token());
  REQUIRE(link.status == 303);
  const std::string set = link.header("Set-Cookie");
  const std::string cookie = set.substr(0, set.find(';'));
  const HttpResult csrf = srv.http().get("/api/v1/teacher/csrf", "", {{"Cookie", cookie}});
  REQUIRE(csrf.status == 200);
  return {{"Cookie", cookie}, {"X-Upstander-CSRF", csrf.json()["csrf"].get<std::string>()}};
}

HttpResult draft_call(TestServer& srv, const std::string& method, const std::string& path,
                      const std::string& body, const DraftHeaders& h) {
  return srv.http().request(method, path, body, "", body.empty() ? "" : "application/json", h);
}

std::string text_body(const std::string& pack_text) {
  return nlohmann::json{{"text", pack_text}}.dump();
}

const std::string kPack = R"({"id": "my-story", "title": {"ko": "이야기"}})";
const std::string kEdited = R"({"id": "my-story", "title": {"ko": "고친 이야기"}})";

}  // namespace

TEST_CASE("a draft autosaved, read back after a restart, then saved: the autosave is gone") {
  TempDir dir;
  {
    TestServer srv(dir.path());
    const DraftHeaders h = draft_browser(srv);
    CHECK(draft_call(srv, "GET", "/api/v1/teacher/drafts", "", h).json()["drafts"].empty());
    REQUIRE(draft_call(srv, "PUT", "/api/v1/teacher/drafts/my-story", text_body(kPack), h).status ==
            200);
    REQUIRE(
        draft_call(srv, "PUT", "/api/v1/teacher/drafts/my-story/autosave", text_body(kEdited), h)
            .status == 200);
  }
  // A new server process on the same folder (the old one killed or stopped).
  TestServer srv(dir.path());
  const DraftHeaders h = draft_browser(srv);
  const nlohmann::json list = draft_call(srv, "GET", "/api/v1/teacher/drafts", "", h).json();
  REQUIRE(list["drafts"].size() == 1);
  CHECK(list["drafts"][0]["id"] == "my-story");
  CHECK(list["drafts"][0]["autosave_ms"].get<std::int64_t>() >=
        list["drafts"][0]["saved_ms"].get<std::int64_t>());
  const nlohmann::json d = draft_call(srv, "GET", "/api/v1/teacher/drafts/my-story", "", h).json();
  CHECK(d["text"] == kPack);
  CHECK(d["autosave"]["text"] == kEdited);
  CHECK(fs::exists(fs::path(dir.path()) / "drafts" / "my-story.json"));

  REQUIRE(draft_call(srv, "PUT", "/api/v1/teacher/drafts/my-story", text_body(kEdited), h).status ==
          200);
  const nlohmann::json saved =
      draft_call(srv, "GET", "/api/v1/teacher/drafts/my-story", "", h).json();
  CHECK(saved["text"] == kEdited);
  CHECK(saved["autosave"].is_null());
  // Only the draft's own file in the folder: no temporary left behind.
  int files = 0;
  for (const auto& e : fs::directory_iterator(fs::path(dir.path()) / "drafts"))
    files += e.is_regular_file();
  CHECK(files == 1);

  CHECK(draft_call(srv, "DELETE", "/api/v1/teacher/drafts/my-story", "", h).status == 200);
  CHECK(draft_call(srv, "GET", "/api/v1/teacher/drafts/my-story", "", h).status == 404);
  CHECK(draft_call(srv, "DELETE", "/api/v1/teacher/drafts/my-story", "", h).status == 404);
}

TEST_CASE("draft routes refuse a page without the cookie, a wrong CSRF token and another site") {
  TempDir dir;
  TestServer srv(dir.path());
  const DraftHeaders h = draft_browser(srv);
  DraftHeaders no_csrf = h, wrong_csrf = h, evil = h;
  no_csrf.erase("X-Upstander-CSRF");
  wrong_csrf.find("X-Upstander-CSRF")->second = std::string(64, 'a');
  evil.emplace("Origin", "http://evil.example");
  const std::string body = text_body(kPack);
  for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
           {"GET", "/api/v1/teacher/drafts"},
           {"GET", "/api/v1/teacher/drafts/my-story"},
           {"PUT", "/api/v1/teacher/drafts/my-story"},
           {"PUT", "/api/v1/teacher/drafts/my-story/autosave"},
           {"DELETE", "/api/v1/teacher/drafts/my-story"},
           {"POST", "/api/v1/teacher/previews"}}) {
    CAPTURE(method);
    CAPTURE(path);
    const std::string b = method == "PUT" || method == "POST" ? body : "";
    CHECK(draft_call(srv, method, path, b, {}).status == 401);
    CHECK(draft_call(srv, method, path, b, no_csrf).status == 403);
    CHECK(draft_call(srv, method, path, b, wrong_csrf).status == 403);
    CHECK(draft_call(srv, method, path, b, evil).status == 403);
  }
  CHECK(!fs::exists(fs::path(dir.path()) / "drafts" / "my-story.json"));
}

TEST_CASE("draft ids never become paths, and bodies are checked before anything is written") {
  TempDir dir;
  TestServer srv(dir.path());
  const DraftHeaders h = draft_browser(srv);
  const std::string body = text_body(kPack);
  for (const std::string& id :
       std::vector<std::string>{"..", "%2e%2e", "..%2F..%2Fteacher-token", "%2E%2E%2Fx", "a.b", "A",
                                "x%00y", "%2Fetc%2Fpasswd", std::string(65, 'a')}) {
    CAPTURE(id);
    const HttpResult put = draft_call(srv, "PUT", "/api/v1/teacher/drafts/" + id, body, h);
    CHECK((put.status == 400 || put.status == 404));
    const HttpResult get = draft_call(srv, "GET", "/api/v1/teacher/drafts/" + id, "", h);
    CHECK((get.status == 400 || get.status == 404));
  }
  // ../ splits into more segments: no route at all.
  CHECK(draft_call(srv, "PUT", "/api/v1/teacher/drafts/../settings", body, h).status != 200);
  CHECK(draft_call(srv, "GET", "/api/v1/teacher/drafts/../../teacher-token", "", h).status == 404);

  const std::string url = "/api/v1/teacher/drafts/my-story";
  CHECK(draft_call(srv, "PUT", url, "{\"text\": ", h).error_code() == "malformed_json");
  CHECK(draft_call(srv, "PUT", url, "[1, 2]", h).status == 400);
  CHECK(draft_call(srv, "PUT", url, R"({"text": 5})", h).status == 400);
  CHECK(draft_call(srv, "PUT", url, R"({"text": "not json"})", h).error_code() == "bad_pack");
  CHECK(draft_call(srv, "PUT", url, R"({"text": "{}", "path": "/etc/passwd"})", h).status == 400);
  CHECK(draft_call(srv, "PUT", url, "{}", h).status == 400);
  // Larger than a pack may be (4 MB): refused before it is read, a huge length at once.
  const std::string reply =
      raw_exchange(srv.port(),
                   "PUT " + url +
                       " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                       "Content-Type: application/json\r\nContent-Length: 999999999\r\n\r\n{",
                   3000);
  CHECK(reply.rfind("HTTP/1.1 413", 0) == 0);
  CHECK(!fs::exists(fs::path(dir.path()) / "drafts" / "my-story.json"));
  CHECK(draft_call(srv, "GET", "/api/v1/teacher/drafts", "", h).json()["drafts"].empty());
}

TEST_CASE("a preview is fetched by its token only, without the teacher's cookie") {
  TempDir dir;
  TestServer srv(dir.path());
  const DraftHeaders h = draft_browser(srv);
  const HttpResult made = draft_call(srv, "POST", "/api/v1/teacher/previews", text_body(kPack), h);
  REQUIRE(made.status == 200);
  const std::string token = made.json()["token"];
  CHECK(made.json()["game"] == "/?preview=" + token);
  const HttpResult got = srv.http().get("/api/v1/previews/" + token);
  CHECK(got.status == 200);
  CHECK(got.body == kPack);
  CHECK(srv.http().get("/api/v1/previews/" + std::string(32, '0')).status == 404);
  CHECK(srv.http().get("/api/v1/previews/..").status == 404);
  // Not a draft: nothing written to the data folder.
  CHECK(!fs::exists(fs::path(dir.path()) / "drafts"));
}

TEST_CASE("a folder holds at most its number of drafts; an existing one can still be saved") {
  TempDir dir;
  server::DraftFolder folder(dir.path() + "/drafts", 2);
  // The refusal, or nullopt when the folder took the draft.
  const auto refusal = [](const server::DraftResult& r) -> std::optional<server::DraftError> {
    if (r.ok()) return std::nullopt;
    return r.error();
  };
  CHECK(refusal(folder.save("a", "{}", 1)) == std::nullopt);
  CHECK(refusal(folder.autosave("b", "{}", 2)) == std::nullopt);
  CHECK(refusal(folder.save("c", "{}", 3)) == server::DraftError::TooMany);
  CHECK(refusal(folder.save("a", "{\"x\": 1}", 4)) == std::nullopt);
  CHECK(refusal(folder.save("../a", "{}", 5)) == server::DraftError::BadId);
  CHECK(refusal(folder.remove("c")) == server::DraftError::NotFound);
  REQUIRE(folder.read("a").ok());
  CHECK(*folder.read("a")->text == "{\"x\": 1}");
  CHECK(folder.read("c").error() == server::DraftError::NotFound);
  CHECK(folder.list().size() == 2);
}
