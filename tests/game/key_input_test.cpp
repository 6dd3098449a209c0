// The key table: every key that means something on a screen, and keys that must not.
#include <doctest/doctest.h>

#include "game_test_support.hpp"
#include "key_input.hpp"

using namespace upstander;
using namespace upstander::app;
using namespace upstander::app::test;

namespace {

// Shipped content and help, no survey: the keys go straight to the picker.
const ContentLibrary& library_without_survey() {
  static const ContentLibrary lib = ContentLibrary::load(content_paths(true, false));
  return lib;
}

}  // namespace

TEST_CASE("number keys choose on the menu screens; Esc goes one screen back") {
  RecordingSink sink;
  NotConnected conn;
  AppModel m(library_without_survey(), nullptr, sink, conn);
  m.start();
  REQUIRE(m.screen() == Screen::Language);
  const auto langs = ui_languages(library_without_survey());
  REQUIRE(langs.size() >= 2);
  CHECK_FALSE(handle_key(m, {Key::Digit, 9}));
  REQUIRE(handle_key(m, {Key::Digit, 2}));
  CHECK(m.settings().language == langs[1]->locale);
  CHECK(m.screen() == Screen::Mode);
  REQUIRE(handle_key(m, {Key::Escape, 0}));
  CHECK(m.screen() == Screen::Language);
  REQUIRE(handle_key(m, {Key::Digit, 1}));
  REQUIRE(handle_key(m, {Key::Digit, 1}));
  CHECK(m.screen() == Screen::Picker);
  CHECK_FALSE(handle_key(m, {Key::Digit, 9}));
  REQUIRE(handle_key(m, {Key::Digit, 1}));
  CHECK(m.screen() == Screen::ContentNote);
  REQUIRE(handle_key(m, {Key::Escape, 0}));
  CHECK(m.screen() == Screen::Picker);
  CHECK(sink.empty());
}

TEST_CASE("overlays take the keys while they are open") {
  RecordingSink sink;
  NotConnected conn;
  AppModel m(library_without_survey(), nullptr, sink, conn);
  m.start();
  m.choose_language("ko");
  m.choose_solo();
  m.open_settings();
  CHECK_FALSE(handle_key(m, {Key::Digit, 1}));  // not the picker's first card
  CHECK(m.screen() == Screen::Picker);
  REQUIRE(handle_key(m, {Key::Escape, 0}));
  CHECK(m.overlay() == Overlay::None);
  m.open_help();
  REQUIRE(handle_key(m, {Key::Enter, 0}));
  CHECK(m.overlay() == Overlay::None);
}

TEST_CASE("Esc pauses on the survey and debrief screens, never loses the place") {
  RecordingSink sink;
  NotConnected conn;
  const ContentLibrary lib = ContentLibrary::load(content_paths());
  AppModel m(lib, nullptr, sink, conn);
  m.start();
  m.choose_language("en");
  m.choose_solo();
  m.pick_scenario(0);
  m.note_play();
  REQUIRE(m.screen() == Screen::PreSurvey);
  REQUIRE(handle_key(m, {Key::Escape, 0}));
  CHECK(m.overlay() == Overlay::Pause);
  CHECK_FALSE(handle_key(m, {Key::Digit, 3}));
  CHECK(sink.survey.empty());
  REQUIRE(handle_key(m, {Key::Escape, 0}));
  REQUIRE(handle_key(m, {Key::Digit, 3}));
  CHECK(sink.survey.size() == 1);
}
