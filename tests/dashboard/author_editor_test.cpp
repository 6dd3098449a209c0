// The node editor's structural edits through AuthorWorkspace, as the author screens make
// them: a pack written from nothing (nodes of several kinds, a character, a chat, choices,
// endings with help) that saves, checks clean and plays to its ending; deleting a node
// with and without sending its links elsewhere; renaming; refusing to remove a character
// that is still used.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "author_test_support.hpp"
#include "author_workspace.hpp"
#include "server_test_support.hpp"
#include "upstander/author/text_slots.hpp"
#include "upstander/runner.hpp"

using namespace upstander;
using namespace upstander::dashboard;
namespace ed = upstander::author::edit;

namespace {

std::size_t index_of(const Scenario& s, const std::string& id) {
  const auto it =
      std::find_if(s.nodes.begin(), s.nodes.end(), [&](const Node& n) { return n.id == id; });
  return static_cast<std::size_t>(it - s.nodes.begin());
}

// Writes every required text that is still empty, in both languages, as an author would.
void write_missing_texts(AuthorWorkspace& w) {
  std::vector<std::string> keys;
  author::for_each_slot(w.doc().scenario(),
                        [&](const author::TextSlot& slot, const LocalizedText& text) {
                          if (slot.required && text.find("en") == nullptr) keys.push_back(slot.key);
                        });
  int n = 0;
  for (const auto& key : keys) {
    ++n;
    REQUIRE(w.apply(ed::SetText{key, "en", "Line " + std::to_string(n) + " of the story."}));
    REQUIRE(w.apply(ed::SetText{key, "ko", "이야기의 " + std::to_string(n) + "번째 줄."}));
  }
}

std::string problems_of(AuthorWorkspace& w) {
  std::string out;
  for (const auto& item : w.diagnostics().items)
    out += item.diagnostic.pointer + ": " + item.diagnostic.message + "\n";
  return out;
}

}  // namespace

TEST_CASE("a new pack written entirely in the editor saves, checks clean and plays to its ending") {
  test::TempDir dir;
  AuthorWorkspace w(test::author_shipped(), test::author_config_in(dir.path()));
  REQUIRE(w.create_blank("our-story"));
  REQUIRE(w.selected() == "start");

  // A node goes right after the selected one and becomes the selection.
  REQUIRE(w.add_node("group", NodeKind::Chat));
  CHECK(w.selected() == "group");
  CHECK(index_of(w.doc().scenario(), "group") == 1);
  REQUIRE(w.add_node("fact", NodeKind::Fact));
  CHECK(index_of(w.doc().scenario(), "fact") == 2);
  REQUIRE(w.add_node("decide", NodeKind::Narration));
  w.select("end");
  REQUIRE(w.add_node("harm-end", NodeKind::Ending));
  CHECK(w.doc().scenario().nodes.back().id == "harm-end");
  // A taken id and a bad id are refused, with nothing added.
  const auto count = w.doc().scenario().nodes.size();
  CHECK_FALSE(w.add_node("group", NodeKind::Narration));
  CHECK(w.message_key() == "teacher.author.refused.duplicate-id");
  CHECK_FALSE(w.add_node("Not An Id", NodeKind::Narration));
  CHECK(w.doc().scenario().nodes.size() == count);

  REQUIRE(w.apply(ed::AddCharacter{"minji"}));
  REQUIRE(w.apply(ed::SetAvatar{"minji", "🙂", "#cc6677"}));
  REQUIRE(w.apply(ed::AddThread{"class-chat"}));
  REQUIRE(w.apply(ed::SetNext{"start", "group"}));
  REQUIRE(w.apply(ed::SetNodeThread{"group", "class-chat"}));
  // A new chat starts with one message, from nobody yet.
  REQUIRE(w.doc().scenario().find_node("group")->as<ChatBody>().messages.size() == 1);
  REQUIRE(w.apply(ed::SetSpeaker{"group", "me", 0}));
  REQUIRE(w.apply(ed::AddMessage{"group", "minji", std::nullopt}));
  REQUIRE(w.apply(ed::AddMessage{"group", "me", std::nullopt}));
  REQUIRE(w.apply(ed::RemoveMessage{"group", 2}));
  REQUIRE(w.apply(ed::MoveMessage{"group", 1, 0}));
  REQUIRE(w.apply(ed::SetImage{"group", ImageIcon::Screenshot, 0}));
  REQUIRE(w.apply(ed::SetTime{"group", "21:04"}));
  CHECK_FALSE(w.apply(ed::SetTime{"group", "25:99"}));
  REQUIRE(w.apply(ed::SetNext{"group", "fact"}));
  REQUIRE(w.apply(ed::SetFactSource{"fact", "https://www.example.org/facts"}));
  REQUIRE(w.apply(ed::SetNext{"fact", "decide"}));
  REQUIRE(w.apply(ed::AddChoice{"decide", "speak-up", "end", std::nullopt}));
  REQUIRE(w.apply(ed::AddChoice{"decide", "stay-quiet", "harm-end", std::nullopt}));
  REQUIRE(w.apply(ed::SetSkipTo{"decide", "end"}));
  REQUIRE(w.apply(ed::SetOutcome{"end", Outcome::Upstander}));
  REQUIRE(w.apply(
      ed::SetHelpTopics{"end", {HelpTopic::Counselling, HelpTopic::Report, HelpTopic::School}}));
  REQUIRE(w.apply(ed::SetRulesSources{"end", {"https://www.example.org/school-rules"}}));
  CHECK_FALSE(w.apply(ed::SetRulesSources{"end", {"not an address"}}));
  REQUIRE(w.apply(ed::SetOutcome{"harm-end", Outcome::Harm}));
  REQUIRE(w.apply(ed::SetHelpTopics{"harm-end", {HelpTopic::Counselling, HelpTopic::Takedown}}));
  REQUIRE(w.apply(ed::SetRulesSources{"harm-end", {"https://www.example.org/rules"}}));
  write_missing_texts(w);

  INFO(problems_of(w));
  REQUIRE(w.diagnostics().errors == 0);
  REQUIRE(w.save());
  const ContentLibrary saved = ContentLibrary::load({w.doc().path()});
  REQUIRE(saved.files().size() == 1);
  REQUIRE(saved.files().front().ok());
  const Scenario& s = *saved.files().front().scenario();
  const auto& group = s.find_node("group")->as<ChatBody>();
  REQUIRE(group.messages.size() == 2);
  CHECK(group.messages[0].from.id == "minji");
  REQUIRE(group.messages[0].image.has_value());
  CHECK(group.messages[0].image->icon == ImageIcon::Screenshot);
  CHECK(s.find_character("minji")->avatar.emoji == "🙂");
  CHECK(s.find_node("harm-end")->as<EndingBody>().help ==
        std::vector<HelpTopic>{HelpTopic::Counselling, HelpTopic::Takedown});

  Runner r(s);
  r.start();
  CHECK(r.node().id == "start");
  REQUIRE(r.advance() == StepResult::Ok);
  CHECK(r.node().id == "group");
  REQUIRE(r.advance() == StepResult::Ok);
  REQUIRE(r.advance() == StepResult::Ok);
  CHECK(r.node().id == "decide");
  REQUIRE(r.choose("stay-quiet") == StepResult::Ok);
  CHECK(r.at_ending());
  CHECK(r.node().id == "harm-end");
  REQUIRE(r.back() == StepResult::Ok);
  REQUIRE(r.skip() == StepResult::Ok);
  CHECK(r.node().id == "end");
}

TEST_CASE("deleting a node: its links go where the author says, or stay for the author to fix") {
  test::TempDir dir;
  AuthorWorkspace w(test::author_shipped(), test::author_config_in(dir.path()));
  REQUIRE(w.open_shipped("group-chat"));
  const auto linkers = w.linking_to("fake-excuse");
  REQUIRE(linkers == std::vector<std::string>{"drop"});
  w.select("fake-excuse");
  w.confirm_delete = true;
  REQUIRE(w.delete_selected("first-move"));
  CHECK_FALSE(w.confirm_delete);
  CHECK(w.doc().scenario().find_node("fake-excuse") == nullptr);
  CHECK(w.doc().scenario().find_node("drop")->next->id == "first-move");
  CHECK(w.selected() == "first-move");
  CHECK(w.linking_to("fake-excuse").empty());
  CHECK(w.diagnostics().errors == 0);
  REQUIRE(w.undo());
  CHECK(w.doc().scenario().find_node("drop")->next->id == "fake-excuse");

  // Without a redirect the link is left dangling and shows as a problem on "drop".
  w.select("fake-excuse");
  REQUIRE(w.delete_selected(""));
  CHECK(w.selected() == "drop");
  CHECK(w.doc().scenario().find_node("drop")->next->id == "fake-excuse");
  CHECK(w.diagnostics().errors > 0);
  CHECK(w.diagnostics().by_node.count("drop") == 1);
  // A redirect to a node that does not exist is refused and deletes nothing.
  REQUIRE(w.undo());
  w.select("fake-excuse");
  CHECK_FALSE(w.delete_selected("no-such-node"));
  CHECK(w.doc().scenario().find_node("fake-excuse") != nullptr);
}

TEST_CASE(
    "renaming a node keeps every link and the selection; the start node is picked from the list") {
  test::TempDir dir;
  AuthorWorkspace w(test::author_shipped(), test::author_config_in(dir.path()));
  REQUIRE(w.open_shipped("group-chat"));
  w.select("first-move");
  REQUIRE(w.apply(ed::RenameNode{"first-move", "first-step"}));
  CHECK(w.selected() == "first-step");
  CHECK(w.doc().scenario().find_node("fake-excuse")->next->id == "first-step");
  CHECK(w.linking_to("first-move").empty());
  CHECK(w.diagnostics().errors == 0);
  CHECK_FALSE(w.apply(ed::RenameNode{"first-step", "drop"}));
  CHECK(w.message_key() == "teacher.author.refused.duplicate-id");
  REQUIRE(w.apply(ed::SetStart{"drop"}));
  CHECK(w.doc().scenario().start.id == "drop");
  CHECK_FALSE(w.apply(ed::SetStart{"no-such-node"}));
}

TEST_CASE(
    "a character still in the story cannot be removed, and the author is told where it is used") {
  test::TempDir dir;
  AuthorWorkspace w(test::author_shipped(), test::author_config_in(dir.path()));
  REQUIRE(w.open_shipped("group-chat"));
  CHECK_FALSE(w.apply(ed::RemoveCharacter{"haeun"}));
  CHECK(w.message_key() == "teacher.author.refused.in-use");
  CHECK_FALSE(w.message_detail().empty());
  CHECK(w.doc().scenario().find_character("haeun") != nullptr);
  // One nobody uses goes.
  REQUIRE(w.apply(ed::AddCharacter{"newcomer"}));
  REQUIRE(w.apply(ed::RemoveCharacter{"newcomer"}));
  CHECK(w.doc().scenario().find_character("newcomer") == nullptr);
}

TEST_CASE("typing into a field through the workspace is one undo step; leaving the field ends it") {
  test::TempDir dir;
  AuthorWorkspace w(test::author_shipped(), test::author_config_in(dir.path()));
  REQUIRE(w.create_blank("typed"));
  const std::size_t depth = w.doc().undo_depth();
  std::string typed;
  for (char c : std::string("Saturday")) {
    typed += c;
    REQUIRE(w.apply(ed::SetText{"node/start/text", "en", typed}, true));
  }
  CHECK(w.doc().undo_depth() == depth + 1);
  // What the author screen does once no field has the focus.
  w.end_typing();
  REQUIRE(w.apply(ed::SetText{"node/start/text", "en", typed + "."}, true));
  CHECK(w.doc().undo_depth() == depth + 2);
  REQUIRE(w.undo());
  REQUIRE(w.undo());
  CHECK(w.doc().scenario().find_node("start")->as<NarrationBody>().text.find("en") == nullptr);
}
