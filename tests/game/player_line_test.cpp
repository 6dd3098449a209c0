// The player's own line (issue 15 item 10): a choice in quotes is shown as the player's
// message before the replies, in the conversation it was said in, and read aloud.
#include <doctest/doctest.h>

#include "game_test_support.hpp"
#include "spoken_choice.hpp"
#include "spoken_lines.hpp"

using namespace upstander;
using namespace upstander::app;
using namespace upstander::app::test;

TEST_CASE("a choice wholly in quotes is a spoken line; an action is not") {
  CHECK(spoken_choice("\"Not funny. Delete it.\"") == "Not funny. Delete it.");
  CHECK(spoken_choice("\xE2\x80\x9CI'm on your side.\xE2\x80\x9D") == "I'm on your side.");
  CHECK(spoken_choice("\"그만해. 지워.\"") == "그만해. 지워.");
  CHECK(spoken_choice("'괜찮아?'") == "괜찮아?");
  CHECK(spoken_choice("Tell your teacher") == "");
  CHECK(spoken_choice("Message Dohyun privately: \"Take it down.\"") == "");
  CHECK(spoken_choice("\"Yes\" or \"no\"") == "");  // two quotes, not one line
  CHECK(spoken_choice("\"\"") == "");
  CHECK(spoken_choice("\"") == "");
}

namespace {

struct LineGame {
  explicit LineGame(const std::string& language)
      : store(dir.path()), model(shipped_library(), &store, sink, connection, "en_US.UTF-8") {
    model.start();
    if (model.screen() == Screen::Language) REQUIRE(model.choose_language(language));
  }
  void play(const std::string& scenario_id) { start_scenario(model, scenario_id); }
  // On to `node`, by Continue and, at decisions on the way, the first choice.
  void to(const std::string& node) {
    for (int i = 0; i < 30 && model.runner()->node().id != node; ++i) {
      REQUIRE_MESSAGE(step_first(model), model.runner()->node().id);
    }
    REQUIRE(model.runner()->node().id == node);
    model.reveal_all();
  }
  void choose(const std::string& choice_id) { REQUIRE(model.choose_id(choice_id)); }
  const Choice& choice(const std::string& id) const {
    for (const auto& c : model.runner()->node().choices)
      if (c.id == id) return c;
    FAIL("no choice " << id);
    throw;
  }

  TempDir dir;
  ProgressStore store;
  RecordingSink sink;
  NotConnected connection;
  AppModel model;
};

}  // namespace

TEST_CASE("the line said to an account shows before its reply, and is read aloud first") {
  LineGame g("en");
  g.play("the-message");
  g.to("d1");
  const Choice& c = g.model.runner()->node().choices.front();
  const std::string line = spoken_choice(c.text.get("en"));
  REQUIRE_FALSE(line.empty());
  g.choose(c.id);
  REQUIRE(g.model.runner()->node().kind == NodeKind::DirectMessage);
  CHECK(g.model.player_line() == line);
  const auto lines = spoken_lines(g.model);
  REQUIRE(lines.size() >= 2);
  CHECK(lines[0].find(line) != std::string::npos);  // "Name: That's not me. ..."
  // Moving on, the line goes.
  g.model.reveal_all();
  REQUIRE(g.model.continue_story());
  CHECK(g.model.player_line().empty());
}

TEST_CASE("Korean lines show too, without their quotes") {
  LineGame g("ko");
  g.play("the-message");
  g.to("d1");
  const Choice& c = g.model.runner()->node().choices.front();
  g.choose(c.id);
  CHECK(g.model.player_line() == spoken_choice(c.text.get("ko")));
  CHECK(g.model.player_line().find('"') == std::string::npos);
}

TEST_CASE("a line said in the class chat is not put into someone's private reply") {
  LineGame g("en");
  g.play("feature-tour");
  g.to("edited");
  std::string said_id;
  for (const auto& c : g.model.runner()->node().choices)
    if (!spoken_choice(c.text.get("en")).empty()) said_id = c.id;
  REQUIRE_FALSE(said_id.empty());
  g.choose(said_id);
  REQUIRE(g.model.runner()->node().kind == NodeKind::DirectMessage);  // the targeted friend's DM
  CHECK(g.model.player_line().empty());
}

TEST_CASE(
    "an action, not a line, adds nothing; a chat that opens with the line does not repeat it") {
  LineGame g("en");
  g.play("group-chat");
  g.to("first-move");
  std::string action, opens_with_it;
  for (const auto& c : g.model.runner()->node().choices) {
    if (c.id == "call-out") opens_with_it = c.id;
    if (spoken_choice(c.text.get("en")).empty() && action.empty()) action = c.id;
  }
  REQUIRE_FALSE(opens_with_it.empty());
  g.choose(opens_with_it);
  CHECK(g.model.player_line().empty());  // the chat's first message is the player's already
  REQUIRE(g.model.go_back());
  REQUIRE_FALSE(action.empty());
  g.choose(action);
  CHECK(g.model.player_line().empty());
}
