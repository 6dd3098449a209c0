// The one key map (issue 15 item 16): a key does the same on every screen that offers it,
// the footer lists what the keys do, Shift+S skips the rest of a survey as S skips one
// question, and Enter never answers for the student.
#include <doctest/doctest.h>

#include <algorithm>

#include "game_test_support.hpp"
#include "key_map.hpp"

using namespace upstander;
using namespace upstander::app;
using namespace upstander::app::test;

namespace {

constexpr KeyPress kS{Key::S, 0, 's'};
constexpr KeyPress kShiftS{Key::S, 0, 's', true};

bool offers(const AppModel& m, Action a) {
  const auto list = screen_actions(m);
  return std::find(list.begin(), list.end(), a) != list.end();
}

void reduce_motion(AppModel& m) {
  Settings s = m.settings();
  s.reduce_motion = true;
  m.update_settings(s);
}

// The feature tour's reflection question (the route app_model_test takes).
void to_reflection(AppModel& m) {
  m.start();
  start_scenario(m, "feature-tour");
  reduce_motion(m);
  REQUIRE(m.skip_scene());
  REQUIRE(m.choose_id("say-yes"));
  REQUIRE(m.skip_scene());
  REQUIRE(m.choose_id("tell-teacher"));
  while (m.screen() == Screen::Play) REQUIRE(m.continue_story());
  REQUIRE(m.screen() == Screen::Reflection);
}

// The pre-survey of the feature tour, on its first question.
void to_pre_survey(AppModel& m) {
  m.start();
  REQUIRE(m.choose_language("en"));
  REQUIRE(m.choose_solo());
  const auto offered = m.offered_scenarios();
  std::size_t i = 0;
  while (i < offered.size() && offered[i]->id != "feature-tour") ++i;
  REQUIRE(m.pick_scenario(i));
  REQUIRE(m.note_play());
  REQUIRE(m.screen() == Screen::PreSurvey);
}

}  // namespace

TEST_CASE("every action has its keys and a name in both languages") {
  RecordingSink sink;
  NotConnected conn;
  AppModel m(shipped_library(), nullptr, sink, conn);
  m.start();
  for (const char* lang : {"en", "ko"}) {
    REQUIRE(m.choose_language(lang));
    for (const KeyBinding& b : key_map()) {
      CHECK_FALSE(b.keys.empty());
      CHECK_MESSAGE(m.text().has(b.name), b.name);
      CHECK(&binding(b.action) == &b);
    }
    m.back_screen();
  }
}

TEST_CASE("S, Esc and F1 do the same on the story, a reflection, a survey and the ending") {
  RecordingSink sink;
  NotConnected conn;
  AppModel m(shipped_library(), nullptr, sink, conn);
  to_pre_survey(m);
  // Survey, reflection, story: S skips what is on screen, Esc is the break, F1 help.
  for (int stage = 0; stage < 3; ++stage) {
    if (stage == 1) {
      AppModel fresh(shipped_library(), nullptr, sink, conn);
      to_reflection(fresh);
      CHECK(action_on_screen(fresh, kS) == Action::Skip);
      CHECK(action_on_screen(fresh, {Key::Escape, 0}) == Action::Pause);
      CHECK(action_on_screen(fresh, {Key::P, 0, 'p'}) == Action::Pause);
      CHECK(action_on_screen(fresh, {Key::F1, 0}) == Action::Help);
      CHECK(offers(fresh, Action::Skip));
      continue;
    }
    if (stage == 2) {
      REQUIRE(m.survey_skip_all());
      REQUIRE(m.screen() == Screen::Play);
    }
    CHECK(action_on_screen(m, kS) == Action::Skip);
    CHECK(action_on_screen(m, {Key::Escape, 0}) == Action::Pause);
    CHECK(action_on_screen(m, {Key::F1, 0}) == Action::Help);
    CHECK(offers(m, Action::Help));
  }
  // On the menus Esc is one screen back, as the footer says.
  AppModel menus(shipped_library(), nullptr, sink, conn);
  menus.start();
  REQUIRE(menus.choose_language("en"));
  CHECK(action_on_screen(menus, {Key::Escape, 0}) == Action::PreviousScreen);
  CHECK_FALSE(offers(menus, Action::Skip));
  CHECK_FALSE(action_on_screen(menus, kS).has_value());
}

TEST_CASE("S skips the scene, the reflection question and the survey question alike") {
  RecordingSink sink;
  NotConnected conn;
  AppModel m(shipped_library(), nullptr, sink, conn);
  to_pre_survey(m);
  REQUIRE(handle_key(m, kS));
  CHECK(m.survey_index() == 1);
  CHECK(sink.survey.empty());  // a skipped question sends nothing

  AppModel r(shipped_library(), nullptr, sink, conn);
  to_reflection(r);
  const auto at = r.node_serial();
  REQUIRE(handle_key(r, kS));
  CHECK(r.node_serial() != at);  // moved on, without an answer
  CHECK(r.overlay() == Overlay::None);

  // From the break: S there is the story's skip too, and the break closes.
  AppModel p(shipped_library(), nullptr, sink, conn);
  to_reflection(p);
  REQUIRE(handle_key(p, {Key::Escape, 0}));
  REQUIRE(p.overlay() == Overlay::Pause);
  const auto paused_at = p.node_serial();
  REQUIRE(handle_key(p, kS));
  CHECK(p.node_serial() != paused_at);
  CHECK(p.overlay() == Overlay::None);
}

TEST_CASE("Shift+S skips every question left, recorded as S records each: nothing sent") {
  RecordingSink by_key, one_by_one;
  NotConnected conn;
  AppModel a(shipped_library(), nullptr, by_key, conn);
  AppModel b(shipped_library(), nullptr, one_by_one, conn);
  to_pre_survey(a);
  to_pre_survey(b);
  const std::size_t items = a.survey()->items.size();
  REQUIRE(items >= 3);
  // Both answer the first question.
  REQUIRE(handle_key(a, {Key::Digit, 4}));
  REQUIRE(handle_key(b, {Key::Digit, 4}));
  CHECK(offers(a, Action::SkipSurvey));
  REQUIRE(handle_key(a, kShiftS));
  for (std::size_t i = 1; i < items; ++i) REQUIRE(handle_key(b, kS));
  CHECK(a.screen() == Screen::Play);
  CHECK(b.screen() == Screen::Play);
  CHECK(by_key.survey == one_by_one.survey);
  CHECK(by_key.survey.size() == 1);
  // Where no survey is showing, Shift+S is a plain S: the safety skip needs no modifier.
  CHECK(action_on_screen(a, kShiftS) == Action::Skip);
  CHECK_FALSE(offers(a, Action::SkipSurvey));
}

TEST_CASE("Enter with nothing chosen moves on from neither a reflection nor a survey question") {
  RecordingSink sink;
  NotConnected conn;
  AppModel r(shipped_library(), nullptr, sink, conn);
  to_reflection(r);
  const auto at = r.node_serial();
  for (Key k : {Key::Enter, Key::Space, Key::Right}) CHECK_FALSE(handle_key(r, {k, 0}));
  CHECK(r.node_serial() == at);
  CHECK(r.screen() == Screen::Reflection);
  CHECK_FALSE(offers(r, Action::Continue));  // and the footer does not promise it

  AppModel s(shipped_library(), nullptr, sink, conn);
  to_pre_survey(s);
  for (Key k : {Key::Enter, Key::Space, Key::Right}) CHECK_FALSE(handle_key(s, {k, 0}));
  CHECK(s.survey_index() == 0);
  CHECK(s.screen() == Screen::PreSurvey);
  CHECK(sink.survey.empty());
}
