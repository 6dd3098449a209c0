// Read-aloud without a browser: what is said for each screen, one line at a time, stopped by
// a new node or a break, repeated by R, and offered only where the device has a voice.
#include <doctest/doctest.h>

#include <algorithm>

#include "game_test_support.hpp"
#include "key_input.hpp"
#include "read_aloud.hpp"
#include "scripted_class_link.hpp"
#include "spoken_lines.hpp"

using namespace upstander;
using namespace upstander::app;
using namespace upstander::app::test;

namespace {

// A voice that records what it was asked to say and is busy until told it finished.
class FakeSpeech final : public Speech {
 public:
  bool has_voice(std::string_view language) const override {
    return std::find(voices.begin(), voices.end(), language) != voices.end();
  }
  void say(const Utterance& u) override {
    if (u.interrupt) {
      busy_ = false;
      ++stops;
    }
    if (u.text.empty()) return;
    said.push_back(u);
    busy_ = true;
  }
  bool busy() const override { return busy_; }
  void finish() { busy_ = false; }

  std::vector<std::string> voices{"ko", "en"};
  std::vector<Utterance> said;
  int stops = 0;

 private:
  bool busy_ = false;
};

struct Reading {
  explicit Reading(std::string language = "en")
      : store(dir.path()), model(shipped_library(), &store, sink, connection, "en_US.UTF-8") {
    model.start();
    if (model.screen() == Screen::Language) REQUIRE(model.choose_language(language));
  }
  void read_aloud(bool on) {
    Settings s = model.settings();
    s.read_aloud = on;
    model.update_settings(s);
  }
  void frame(double now) {
    model.tick(now);
    reader.frame(model, speech);
  }
  void to_tour() {
    start_scenario(model, "feature-tour");
    REQUIRE(model.screen() == Screen::Play);
  }
  std::string node() const { return model.runner()->node().id; }

  TempDir dir;
  ProgressStore store;
  RecordingSink sink;
  ScriptedClassLink connection;  // finds a class, so the join screen can be reached
  AppModel model;
  FakeSpeech speech;
  ReadAloud reader;
};

const Node& feature_tour_node(const std::string& id) {
  for (const auto& s : shipped_library().scenarios()) {
    if (s->id != "feature-tour") continue;
    for (const auto& n : s->nodes)
      if (n.id == id) return n;
  }
  FAIL("no such node in the feature tour: " << id);
  throw;
}

}  // namespace

TEST_CASE("a chat is read message by message as the messages appear, and its choices last") {
  Reading g;
  g.to_tour();
  g.model.continue_story();  // saturday -> group-photo
  g.model.continue_story();  // group-photo -> ask-share, a chat of several messages
  REQUIRE(g.node() == "ask-share");
  const auto& messages = feature_tour_node("ask-share").as<ChatBody>().messages;
  REQUIRE(messages.size() >= 2);
  const double t0 = g.model.node_entered_at();
  g.model.tick(t0);
  const auto first = spoken_lines(g.model);
  REQUIRE(first.size() == 1);  // only the message on screen
  CHECK(first[0] == "Minji: " + messages[0].text.get("en"));
  g.model.tick(t0 + 60.0);  // every message is there now, and the choices under them
  const auto all = spoken_lines(g.model);
  const auto choices = g.model.runner()->visible_choices();
  REQUIRE_FALSE(choices.empty());
  CHECK(all.size() >= messages.size() + choices.size());
  CHECK(all.back().rfind("Choice " + std::to_string(choices.size()) + ": ", 0) == 0);
  CHECK(all.back().find(
            g.model.runner()->node().choices[static_cast<std::size_t>(choices.back())].text.get(
                "en")) != std::string::npos);
}

TEST_CASE("Korean is read in Korean, with the choices numbered as Korean says it") {
  Reading g("ko");
  g.to_tour();
  const auto lines = spoken_lines(g.model);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == feature_tour_node("saturday").as<NarrationBody>().text.get("ko"));
  g.model.continue_story();
  g.model.continue_story();
  g.model.reveal_all();
  const auto chat = spoken_lines(g.model);
  CHECK(chat.back().rfind(std::to_string(g.model.runner()->visible_choices().size()) + "번: ", 0) ==
        0);
}

TEST_CASE("read-aloud is offered only where the device has a voice for the language") {
  Reading g;
  g.read_aloud(true);
  g.speech.voices.clear();
  g.to_tour();
  g.frame(1.0);
  CHECK_FALSE(g.model.voice_available());
  CHECK_FALSE(g.model.read_aloud_active());
  CHECK(g.speech.said.empty());
  CHECK_FALSE(handle_key(g.model, {Key::R, 0, 'r'}));  // nothing to repeat without a voice
  g.speech.voices = {"ko"};  // a Korean voice only: still none for English
  g.frame(2.0);
  CHECK_FALSE(g.model.voice_available());
  g.speech.voices = {"en"};  // the browser listed its voices late
  g.frame(3.0);
  CHECK(g.model.voice_available());
  CHECK(g.model.read_aloud_active());
  REQUIRE(g.speech.said.size() == 1);
  CHECK(g.speech.said[0].language == "en");
}

TEST_CASE("one line at a time: the next waits until the voice has finished the last") {
  Reading g;
  g.read_aloud(true);
  g.to_tour();
  g.model.continue_story();
  g.model.continue_story();
  REQUIRE(g.node() == "ask-share");
  g.model.reveal_all();
  const auto lines = spoken_lines(g.model);
  REQUIRE(lines.size() >= 3);
  g.frame(10.0);
  g.frame(10.1);
  g.frame(10.2);
  REQUIRE(g.speech.said.size() == 1);  // busy: the others wait
  CHECK(g.speech.said[0].text == lines[0]);
  CHECK(g.speech.said[0].interrupt);  // a new node cuts whatever was being said
  for (std::size_t i = 1; i < lines.size(); ++i) {
    g.speech.finish();
    g.frame(10.3 + static_cast<double>(i));
    REQUIRE(g.speech.said.size() == i + 1);
    CHECK(g.speech.said[i].text == lines[i]);
    CHECK_FALSE(g.speech.said[i].interrupt);
  }
  g.speech.finish();
  g.frame(30.0);
  CHECK(g.speech.said.size() == lines.size());  // nothing is said twice
}

TEST_CASE("a new node stops the old one's line at once") {
  Reading g;
  g.read_aloud(true);
  g.to_tour();
  g.frame(1.0);
  REQUIRE(g.speech.said.size() == 1);
  REQUIRE(g.speech.busy());
  REQUIRE(g.model.continue_story());  // on to the next node while the narration is heard
  g.frame(1.1);
  REQUIRE(g.speech.said.size() == 2);
  CHECK(g.speech.said[1].interrupt);
  CHECK(g.speech.said[1].text == spoken_lines(g.model)[0]);
}

TEST_CASE("R says the line being heard again; a break silences it and picks it up after") {
  Reading g;
  g.read_aloud(true);
  g.to_tour();
  g.frame(1.0);
  REQUIRE(g.speech.said.size() == 1);
  const std::string line = g.speech.said[0].text;
  REQUIRE(handle_key(g.model, {Key::R, 0, 'r'}));
  g.frame(1.1);
  REQUIRE(g.speech.said.size() == 2);
  CHECK(g.speech.said[1].text == line);
  CHECK(g.speech.said[1].interrupt);

  // A break in the middle of the line: silence, and the same line again after it.
  const int stops = g.speech.stops;
  REQUIRE(g.model.pause());
  g.frame(1.2);
  CHECK(g.speech.stops == stops + 1);
  g.frame(5.0);
  CHECK(g.speech.said.size() == 2);  // nothing is said during the break
  REQUIRE(g.model.resume());
  g.frame(6.0);
  REQUIRE(g.speech.said.size() == 3);
  CHECK(g.speech.said[2].text == line);

  // A line finished before the break is not said again after it.
  g.speech.finish();
  REQUIRE(g.model.pause());
  g.frame(7.0);
  REQUIRE(g.model.resume());
  g.frame(8.0);
  CHECK(g.speech.said.size() == 3);
}

TEST_CASE("switching read-aloud off stops the voice, and R is then refused") {
  Reading g;
  g.read_aloud(true);
  g.to_tour();
  g.frame(1.0);
  REQUIRE(g.speech.busy());
  g.read_aloud(false);
  g.frame(1.1);
  CHECK_FALSE(g.speech.busy());
  CHECK_FALSE(handle_key(g.model, {Key::R, 0, 'r'}));
  g.frame(2.0);
  CHECK(g.speech.said.size() == 1);
}

TEST_CASE("R is a letter on the join screen, not a shortcut") {
  Reading g;
  g.read_aloud(true);
  g.frame(0.5);
  REQUIRE(g.model.voice_available());
  REQUIRE(g.model.choose_class());
  g.model.poll_class();
  REQUIRE(g.model.screen() == Screen::Join);
  const auto before = g.model.repeat_serial();
  CHECK(handle_key(g.model, {Key::R, 0, 'r'}));
  CHECK(g.model.repeat_serial() == before);
  CHECK(g.model.join_form().code() == "R");  // codes are shown in capitals
}

TEST_CASE("the ending, the reflection and the survey are read too; menus are not") {
  Reading g;
  g.read_aloud(true);
  g.frame(0.5);
  CHECK(spoken_lines(g.model).empty());  // the mode screen
  CHECK(g.speech.said.empty());
  REQUIRE(g.model.choose_solo());
  const auto offered = g.model.offered_scenarios();
  std::size_t i = 0;
  while (offered[i]->id != "feature-tour") ++i;
  REQUIRE(g.model.pick_scenario(i));
  REQUIRE(g.model.note_play());
  REQUIRE(g.model.screen() == Screen::PreSurvey);
  const auto survey = spoken_lines(g.model);
  REQUIRE(survey.size() >= 3);
  CHECK(survey[0] == shipped_library().survey()->items[0].text(g.model.survey_form()).get("en"));
  REQUIRE(g.model.survey_skip_all());
  // Play on by the first choice until an ending, checking every screen has lines.
  for (int step = 0; step < 200 && g.model.screen() != Screen::Debrief; ++step) {
    g.model.reveal_all();
    CHECK_MESSAGE(!spoken_lines(g.model).empty(), g.node());
    REQUIRE(step_first(g.model));
  }
  REQUIRE(g.model.screen() == Screen::Debrief);
  const auto ending = spoken_lines(g.model);
  const auto& e = g.model.runner()->node().as<EndingBody>();
  REQUIRE(ending.size() >= 2);
  CHECK(ending[0] == e.title.get("en"));
  CHECK(ending[1] == e.text.get("en"));
  CHECK(ending.back() == g.model.text().get("game.help.not_your_fault"));  // help, always
}
