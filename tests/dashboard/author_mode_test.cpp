// Author mode's model, and issue 7's "done when" end to end: a shipped scenario copied,
// a character's name and one choice changed in ko and en through the edit commands, saved,
// checked, added to the classroom server, played in a class session whose simulated
// student receives the new words.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "api_client.hpp"
#include "author_test_support.hpp"
#include "author_workspace.hpp"
#include "dashboard_model.hpp"
#include "demo_class.hpp"
#include "server_test_support.hpp"

using namespace upstander;
using namespace upstander::dashboard;
namespace ed = upstander::author::edit;

namespace {

const std::string kChoiceKey = "node/first-move/choice/react/text";

}  // namespace

TEST_CASE("opening a shipped scenario edits a draft copy in the teacher's folder, never content/") {
  test::TempDir dir;
  const std::string original =
      test::read_file(test::source_path("content/scenarios/group-chat.json"));
  AuthorWorkspace w(test::author_shipped(), test::author_config_in(dir.path()));
  REQUIRE(w.open_shipped("group-chat"));
  CHECK(w.doc().path() == w.copy_path("group-chat"));
  CHECK(w.doc().scenario().review.status == ReviewStatus::Draft);
  CHECK(w.selected() == w.doc().scenario().start.id);
  REQUIRE(w.apply(ed::SetText{"character/haeun/name", "en", "Hayun"}));
  REQUIRE(w.save());
  CHECK(test::read_file(test::source_path("content/scenarios/group-chat.json")) == original);
  // Opening it again opens the teacher's copy, with their change.
  w.close();
  REQUIRE(w.open_shipped("group-chat"));
  CHECK(w.doc().scenario().find_character("haeun")->name.get("en") == "Hayun");
  CHECK_FALSE(w.open_shipped("no-such-scenario"));
  CHECK(w.message_key() == "teacher.author.error.open");
}

TEST_CASE("a refused edit says why; undo and redo; the map is laid out once per edit") {
  test::TempDir dir;
  AuthorWorkspace w(test::author_shipped(), test::author_config_in(dir.path()));
  REQUIRE(w.open_shipped("group-chat"));
  CHECK_FALSE(w.apply(ed::SetChoiceTarget{"first-move", "react", "no-such-node"}));
  CHECK(w.message_key() == "teacher.author.refused.unknown-node");
  const auto layouts = w.layouts_made();
  w.map();
  w.map();
  CHECK(w.layouts_made() == layouts + 1);
  REQUIRE(w.apply(ed::SetText{kChoiceKey, "en", "Say it is not funny"}));
  CHECK(w.message_key().empty());
  w.map();
  CHECK(w.layouts_made() == layouts + 2);
  CHECK(w.save_state() != SaveState::Saved);
  REQUIRE(w.undo());
  CHECK(w.doc().scenario().find_node("first-move")->choices.front().text.get("en") !=
        "Say it is not funny");
  REQUIRE(w.redo());
  CHECK(w.doc().scenario().find_node("first-move")->choices.front().text.get("en") ==
        "Say it is not funny");
  w.select("ending-that-does-not-exist");
  CHECK(w.selected() != "ending-that-does-not-exist");
  w.select("first-move");
  CHECK(w.selected() == "first-move");
  CHECK(w.reveal_selection);
}

TEST_CASE("unsaved work left by a crash is offered back when the pack is opened again") {
  test::TempDir dir;
  std::string path;
  {
    AuthorWorkspace w(test::author_shipped(), test::author_config_in(dir.path()));
    REQUIRE(w.open_shipped("group-chat"));
    path = w.doc().path();
    REQUIRE(w.apply(ed::SetText{"character/haeun/name", "ko", "하윤"}));
    w.tick();
    // The program ends here without saving.
  }
  AuthorWorkspace w(test::author_shipped(), test::author_config_in(dir.path()));
  REQUIRE(w.open_file(path));
  REQUIRE(w.recovery().has_value());
  CHECK(w.doc().scenario().find_character("haeun")->name.get("ko") == "하은");
  REQUIRE(w.accept_recovery());
  CHECK_FALSE(w.recovery().has_value());
  CHECK(w.doc().scenario().find_character("haeun")->name.get("ko") == "하윤");
  CHECK(w.doc().dirty());
  // Declining keeps the file as it is.
  w.close();
  AuthorWorkspace again(test::author_shipped(), test::author_config_in(dir.path()));
  REQUIRE(again.open_file(path));
  REQUIRE(again.recovery().has_value());
  again.decline_recovery();
  CHECK(again.doc().scenario().find_character("haeun")->name.get("ko") == "하은");
}

TEST_CASE("play from here: the pack with its start at the node, and the game's command line") {
  test::TempDir dir;
  AuthorWorkspace w(test::author_shipped(), test::author_config_in(dir.path()));
  REQUIRE(w.open_shipped("group-chat"));
  const auto c = w.play_from("first-move", "en");
  REQUIRE(c.has_value());
  CHECK(c->argv == std::vector<std::string>{"/opt/upstander/upstander", "--play", c->pack_file,
                                            "--lang", "en", "--content", "/opt/upstander/content"});
  const ContentLibrary preview = ContentLibrary::load({c->pack_file});
  REQUIRE(preview.files().size() == 1);
  REQUIRE(preview.files().front().ok());
  CHECK(preview.files().front().scenario()->start.id == "first-move");
  // The pack being edited keeps its own start.
  CHECK(w.doc().scenario().start.id != "first-move");
  // No game at that path on this computer: the workspace says it could not start one.
  CHECK_FALSE(w.launch(*c));
  CHECK(w.message_key() == "teacher.author.error.play_start");
  CHECK_FALSE(w.play_from("no-such-node", "en"));
  // A pack with errors cannot be played.
  REQUIRE(w.apply(ed::SetText{kChoiceKey, "en", ""}));
  REQUIRE(w.diagnostics().errors > 0);
  CHECK_FALSE(w.play_from("first-move", "en"));
  CHECK(w.message_key() == "teacher.author.error.play_errors");
}

TEST_CASE("a new pack from the template is saved in the teacher's folder; bad ids are refused") {
  test::TempDir dir;
  AuthorWorkspace w(test::author_shipped(), test::author_config_in(dir.path()));
  CHECK_FALSE(w.create_blank("Not An Id"));
  CHECK(w.message_key() == "teacher.author.error.bad_id");
  REQUIRE(w.create_blank("our-school"));
  CHECK(std::filesystem::exists(w.copy_path("our-school")));
  CHECK(w.doc().scenario().id == "our-school");
  CHECK_FALSE(w.create_blank("our-school"));
}

TEST_CASE(
    "done when: change a name and a choice in ko and en, check, add to a class, a student sees them") {
  test::TempDir server_dir, dir;
  test::TestServer srv{server_dir.path()};
  const ContentLibrary locale = ContentLibrary::load({test::source_path("content/locale")});
  ApiClient api{{"127.0.0.1", srv.port()}, srv.token()};
  DashboardSettings local;
  local.language = "en";
  local.export_dir = dir.path() + "/exports";
  DashboardConfig dc;
  dc.content_dir = test::source_path("content");
  dc.settings_path = dir.path() + "/dashboard.json";
  Dashboard d(api, locale, local, dc);

  AuthorWorkspace w(test::author_shipped(), test::author_config_in(dir.path()));
  REQUIRE(w.open_shipped("group-chat"));
  REQUIRE(w.apply(ed::SetText{"character/haeun/name", "ko", "하윤"}));
  REQUIRE(w.apply(ed::SetText{"character/haeun/name", "en", "Hayun"}));
  REQUIRE(w.apply(ed::SetText{kChoiceKey, "ko", "재미없다고 말한다"}));
  REQUIRE(w.apply(ed::SetText{kChoiceKey, "en", "Say it isn't funny"}));
  w.review_by_input = "Test middle school";
  REQUIRE(w.mark_reviewed());
  REQUIRE(w.save());
  CHECK(w.diagnostics().errors == 0);
  CHECK(test::read_file(w.doc().path()) == w.doc().text());

  // A broken file is refused with the server's diagnostics.
  d.add_pack("{\"type\": \"scenario\"}");
  d.settle();
  CHECK_FALSE(d.pack_upload().ok);
  CHECK_FALSE(d.pack_upload().problems.empty());

  d.refresh_all();
  d.settle();
  d.add_pack(w.doc().text());
  d.settle();
  REQUIRE(d.pack_upload().ok);
  CHECK(d.pack_upload().scenario_id == "group-chat");
  CHECK(d.pack_upload().problems.empty());
  const auto& cat = d.catalog().scenarios;
  REQUIRE(std::any_of(cat.begin(), cat.end(),
                      [](const CatalogScenario& s) { return s.id == "group-chat"; }));

  d.toggle_scenario("group-chat");
  d.set_language("en");
  REQUIRE(d.can_start());
  d.start_session();
  d.settle();
  REQUIRE(d.current().has_value());
  DemoClass demo({"127.0.0.1", srv.port(), d.current()->code, 2, 3, dir.path() + "/class"});
  REQUIRE(demo.join() == 2);
  const auto scenarios = demo.connection(0).scenarios();
  const auto it = std::find_if(scenarios.begin(), scenarios.end(),
                               [](const Scenario* s) { return s->id == "group-chat"; });
  REQUIRE(it != scenarios.end());
  const Scenario& got = **it;
  CHECK(got.find_character("haeun")->name.get("ko") == "하윤");
  CHECK(got.find_character("haeun")->name.get("en") == "Hayun");
  const auto& choice = got.find_node("first-move")->choices.front();
  CHECK(choice.id == "react");
  CHECK(choice.text.get("ko") == "재미없다고 말한다");
  CHECK(choice.text.get("en") == "Say it isn't funny");
  CHECK(got.review.status == ReviewStatus::Reviewed);
}
