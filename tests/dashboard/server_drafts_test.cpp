// Author mode with its drafts on the classroom server (the browser's way, here over the
// native channel): a tab's autosave comes back in a fresh tab as a recovery offer, a save
// clears it on the server, and "play from here" becomes a preview the game fetches by token.
#include <doctest/doctest.h>

#include "api_client.hpp"
#include "api_worker.hpp"
#include "author_test_support.hpp"
#include "server_draft_store.hpp"

using namespace upstander;
using namespace upstander::dashboard;
namespace ed = upstander::author::edit;

namespace {

// One browser tab: its own in-memory folders (a scratch dir here), the server's drafts.
struct DraftTab {
  test::TempDir files;
  ApiClient api;
  ApiWorker channel{api};
  std::vector<std::string> opened;
  ServerDraftStore store;
  AuthorConfig config;
  AuthorWorkspace w;

  explicit DraftTab(const test::TestServer& srv)
      : api({"127.0.0.1", srv.port()}, srv.token()),
        store(channel, files.path() + "/packs", test::author_config_in(files.path()).autosave,
              [this](const std::string& url) { opened.push_back(url); }),
        config(with_store(test::author_config_in(files.path()), store)),
        w(test::author_shipped(), config) {}

  static AuthorConfig with_store(AuthorConfig c, DraftStore& s) {
    c.store = &s;
    c.packs_on_server = true;
    return c;
  }
  // The frame loop: answers applied, autosaves noticed.
  void settle() {
    for (int i = 0; i < 3; ++i) {
      w.tick();
      channel.wait_idle();
      channel.apply_finished();
    }
  }
};

}  // namespace

TEST_CASE("a tab's autosave is offered back in the next tab; saving clears it on the server") {
  test::TempDir server_dir;
  test::TestServer srv(server_dir.path());
  {
    DraftTab tab(srv);
    CHECK_FALSE(tab.w.open_shipped("group-chat"));  // not before the drafts are back
    CHECK(tab.w.message_key() == "teacher.author.open.loading");
    tab.store.fetch();
    tab.settle();
    REQUIRE(tab.store.ready());
    CHECK(tab.w.draft_ids().empty());
    REQUIRE(tab.w.open_shipped("group-chat"));  // the copy is saved: the server has it
    REQUIRE(tab.w.apply(ed::SetText{"character/haeun/name", "en", "Hayun"}));
    tab.settle();
    CHECK(tab.store.unsent() == 0);
    CHECK(tab.store.autosave_round_trips().size() == 1);
    CHECK(tab.w.save_state() == SaveState::Autosaved);
  }  // the tab is closed without saving
  DraftTab next(srv);
  next.store.fetch();
  next.settle();
  REQUIRE(next.store.ready());
  REQUIRE(next.w.draft_ids() == std::vector<std::string>{"group-chat"});
  REQUIRE(next.w.open_draft("group-chat"));
  REQUIRE(next.w.recovery().has_value());
  CHECK(next.w.doc().scenario().find_character("haeun")->name.get("en") != "Hayun");
  REQUIRE(next.w.accept_recovery());
  CHECK(next.w.doc().scenario().find_character("haeun")->name.get("en") == "Hayun");
  REQUIRE(next.w.save());
  next.settle();
  const test::HttpResult d = srv.http().get("/api/v1/teacher/drafts/group-chat", srv.token());
  REQUIRE(d.status == 200);
  CHECK(d.json()["autosave"].is_null());
  CHECK(d.json()["text"].get<std::string>().find("Hayun") != std::string::npos);

  // Opened once more: the saved pack, nothing to recover.
  DraftTab third(srv);
  third.store.fetch();
  third.settle();
  REQUIRE(third.w.open_draft("group-chat"));
  CHECK_FALSE(third.w.recovery().has_value());
  CHECK(third.w.doc().scenario().find_character("haeun")->name.get("en") == "Hayun");
}

TEST_CASE("play from here in a browser: a preview by token, opened in a new tab at the node") {
  test::TempDir server_dir;
  test::TestServer srv(server_dir.path());
  DraftTab tab(srv);
  tab.store.fetch();
  tab.settle();
  REQUIRE(tab.w.open_shipped("group-chat"));
  const auto c = tab.w.play_from("first-move", "en");
  REQUIRE(c.has_value());
  PlayCommand no_text = *c;
  no_text.pack_text.clear();
  const auto refused = tab.store.play(no_text);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error() == "teacher.author.error.play_start");
  REQUIRE(tab.w.launch(*c));
  tab.settle();
  REQUIRE(tab.opened.size() == 1);  // the refused command opened nothing
  const std::string& url = tab.opened.front();
  REQUIRE(url.rfind("/?preview=", 0) == 0);
  CHECK(url.substr(url.size() - 8) == "&lang=en");
  const std::string token = url.substr(10, 32);
  const test::HttpResult pack = srv.http().get("/api/v1/previews/" + token);  // no credentials
  REQUIRE(pack.status == 200);
  CHECK(pack.json()["start"] == "first-move");
  // Not a draft of its own: the server keeps only the teacher's copy.
  const test::HttpResult list = srv.http().get("/api/v1/teacher/drafts", srv.token());
  CHECK(list.json()["drafts"].size() == 1);
}
