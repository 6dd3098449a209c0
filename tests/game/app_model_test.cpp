// The game's screen flow without a window: first start, opt-out, pause, skip, leave,
// surveys, saving and resuming, help from every screen.
//
// Index:
//   1. Helpers
//   2. Content and the first start
//   3. Picking a scenario and the pre-survey
//   4. Playing: choices, pause, skip, leave
//   5. Saving and resuming
//   6. Endings, debrief and the post-survey
//   7. Help
//   8. Drafts
//   9. Chat history on the phone

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "game_test_support.hpp"
#include "key_input.hpp"

using namespace upstander;
using namespace upstander::app;
using namespace upstander::app::test;

namespace {

// --- 1. Helpers ---

struct Game {
  explicit Game(const ContentLibrary& lib, const std::filesystem::path& dir,
                std::string locale = "en_US.UTF-8")
      : store(dir), model(lib, &store, sink, connection, std::move(locale)) {}
  ProgressStore store;
  RecordingSink sink;
  NotConnected connection;
  AppModel model;
};

std::size_t index_of_tour(const AppModel& m) {
  const auto offered = m.offered_scenarios();
  for (std::size_t i = 0; i < offered.size(); ++i) {
    if (offered[i]->id == "feature-tour") return i;
  }
  FAIL("feature-tour is not offered");
  return 0;
}

// From a first start to the first node of the feature tour, surveys skipped.
void to_play(AppModel& m) {
  m.start();
  if (m.screen() == Screen::Language) REQUIRE(m.choose_language("en"));
  REQUIRE(m.choose_solo());
  REQUIRE(m.pick_scenario(index_of_tour(m)));
  REQUIRE(m.note_play());
  if (m.screen() == Screen::PreSurvey) REQUIRE(m.survey_skip_all());
  REQUIRE(m.screen() == Screen::Play);
}

std::string node_id(const AppModel& m) {
  return m.runner() ? m.runner()->node().id : "";
}

void set_reduce_motion(AppModel& m, bool on) {
  Settings s = m.settings();
  s.reduce_motion = on;
  m.update_settings(s);
}

}  // namespace

// --- 2. Content and the first start ---

TEST_CASE("the shipped content and the fixtures load without errors") {
  for (const auto& f : shipped_library().files()) CHECK_MESSAGE(f.ok(), f.source->path());
  CHECK(shipped_library().help() != nullptr);
  CHECK(shipped_library().survey() != nullptr);
  CHECK(shipped_library().locale("ko") != nullptr);
  CHECK(shipped_library().locale("en") != nullptr);
}

TEST_CASE("a first start asks for the language and remembers it") {
  TempDir dir;
  {
    Game g(shipped_library(), dir.path(), "ko_KR.UTF-8");
    g.model.start();
    CHECK(g.model.screen() == Screen::Language);
    CHECK(g.model.text().language() == "ko");  // greets in the system's language
    CHECK_FALSE(g.model.choose_language("xx"));
    REQUIRE(g.model.choose_language("en"));
    CHECK(g.model.screen() == Screen::Mode);
  }
  Game again(shipped_library(), dir.path(), "ko_KR.UTF-8");
  again.model.start();
  CHECK(again.model.screen() == Screen::Mode);
  CHECK(again.model.settings().language == "en");
  CHECK(again.model.text().get("game.note.play") == "Play this story");
}

TEST_CASE("joining a class is shown as not yet available and changes nothing") {
  TempDir dir;
  Game g(shipped_library(), dir.path());
  g.model.start();
  g.model.choose_language("en");
  CHECK(g.model.choose_class());
  CHECK(g.model.screen() == Screen::Mode);
  CHECK(g.model.notice() == "game.mode.class_unavailable");
  CHECK(g.model.text().has(g.model.notice()));
}

// --- 3. Picking a scenario and the pre-survey ---

TEST_CASE("sitting a scenario out records nothing and writes no progress") {
  TempDir dir;
  Game g(shipped_library(), dir.path());
  g.model.start();
  g.model.choose_language("en");
  g.model.choose_solo();
  REQUIRE(g.model.pick_scenario(index_of_tour(g.model)));
  CHECK(g.model.screen() == Screen::ContentNote);
  REQUIRE(handle_key(g.model, {Key::Digit, 3}));
  CHECK(g.model.screen() == Screen::Finish);
  CHECK(g.model.finish_reason() == FinishReason::SatOut);
  CHECK(g.sink.empty());
  CHECK(g.model.runner() == nullptr);
  CHECK_FALSE(std::filesystem::exists(dir.path() / kProgressFile));
  // The finish screen still points to help.
  CHECK_FALSE(g.model.help().entries.empty());
}

TEST_CASE("picking another scenario from the content note goes back to the picker") {
  TempDir dir;
  Game g(shipped_library(), dir.path());
  g.model.start();
  g.model.choose_language("en");
  g.model.choose_solo();
  g.model.pick_scenario(index_of_tour(g.model));
  REQUIRE(handle_key(g.model, {Key::Digit, 2}));
  CHECK(g.model.screen() == Screen::Picker);
  CHECK(g.sink.empty());
}

TEST_CASE("the pre-survey comes once, before the first scenario, and its answers go to the sink") {
  TempDir dir;
  Game g(shipped_library(), dir.path());
  g.model.start();
  g.model.choose_language("en");
  g.model.choose_solo();
  g.model.pick_scenario(index_of_tour(g.model));
  g.model.note_play();
  REQUIRE(g.model.screen() == Screen::PreSurvey);
  CHECK(g.model.survey_form() == SurveyForm::A);
  CHECK_FALSE(g.model.survey_answer(6));
  REQUIRE(handle_key(g.model, {Key::Digit, 4}));
  REQUIRE(g.sink.survey.size() == 1);
  CHECK(g.sink.survey[0] ==
        SurveyAnswer{SurveyForm::A, shipped_library().survey()->items[0].id, 4});
  CHECK(g.model.survey_index() == 1);
  REQUIRE(handle_key(g.model, {Key::S, 0}));  // skipping a question records nothing
  CHECK(g.sink.survey.size() == 1);
  CHECK(g.model.survey_skip_all());
  CHECK(g.model.screen() == Screen::Play);
  // Leaving and starting again does not ask a second time.
  g.model.request_leave();
  g.model.confirm_leave();
  g.model.play_another();
  g.model.pick_scenario(index_of_tour(g.model));
  g.model.note_play();
  CHECK(g.model.screen() == Screen::Play);
}

// --- 4. Playing: choices, pause, skip, leave ---

TEST_CASE("keyboard choice selection picks the n-th shown choice") {
  TempDir dir;
  Game g(shipped_library(), dir.path());
  to_play(g.model);
  set_reduce_motion(g.model, true);
  CHECK(node_id(g.model) == "saturday");
  CHECK_FALSE(handle_key(g.model, {Key::Digit, 1}));  // no choices on a narration
  REQUIRE(handle_key(g.model, {Key::Enter, 0}));
  CHECK(node_id(g.model) == "group-photo");
  REQUIRE(handle_key(g.model, {Key::Space, 0}));
  REQUIRE(node_id(g.model) == "ask-share");
  CHECK_FALSE(handle_key(g.model, {Key::Digit, 3}));  // only two choices here
  CHECK(node_id(g.model) == "ask-share");
  REQUIRE(handle_key(g.model, {Key::Digit, 2}));
  CHECK(node_id(g.model) == "cropped");
  REQUIRE(handle_key(g.model, {Key::Backspace, 0}));  // back one choice
  CHECK(node_id(g.model) == "ask-share");
  REQUIRE(handle_key(g.model, {Key::Digit, 1}));
  CHECK(node_id(g.model) == "story");
  bool chose = false;
  for (const auto& e : g.sink.runner)
    chose = chose || (e.type == EventType::ChoiceMade && e.choice == "say-yes");
  CHECK(chose);
}

TEST_CASE("a number key pressed while messages are still arriving shows them first") {
  TempDir dir;
  Game g(shipped_library(), dir.path());
  to_play(g.model);
  set_reduce_motion(g.model, false);
  g.model.tick(100.0);
  g.model.continue_story();
  g.model.continue_story();
  REQUIRE(node_id(g.model) == "ask-share");
  CHECK(g.model.total_items() == 3);
  CHECK(g.model.revealed_items() == 1);
  g.model.tick(100.0 + g.model.settings().seconds_per_message() * 1.5);
  CHECK(g.model.revealed_items() == 2);
  CHECK(handle_key(g.model, {Key::Digit, 1}));
  CHECK(node_id(g.model) == "ask-share");  // not chosen yet: first the rest appears
  CHECK(g.model.fully_revealed());
  CHECK(handle_key(g.model, {Key::Digit, 1}));
  CHECK(node_id(g.model) == "story");
}

TEST_CASE("pause holds the story until the student resumes") {
  TempDir dir;
  Game g(shipped_library(), dir.path());
  to_play(g.model);
  set_reduce_motion(g.model, true);
  REQUIRE(handle_key(g.model, {Key::Escape, 0}));
  CHECK(g.model.overlay() == Overlay::Pause);
  CHECK(g.model.screen() == Screen::Play);
  const auto events = g.sink.runner.size();
  CHECK_FALSE(handle_key(g.model, {Key::Digit, 1}));
  CHECK_FALSE(g.model.continue_story());
  CHECK(node_id(g.model) == "saturday");
  CHECK(g.sink.runner.size() == events);
  REQUIRE(handle_key(g.model, {Key::F1, 0}));  // help from the pause screen
  CHECK(g.model.overlay() == Overlay::Help);
  REQUIRE(handle_key(g.model, {Key::Escape, 0}));
  CHECK(g.model.overlay() == Overlay::None);
  REQUIRE(handle_key(g.model, {Key::P, 0}));
  REQUIRE(handle_key(g.model, {Key::Escape, 0}));
  CHECK(g.model.overlay() == Overlay::None);
  REQUIRE(handle_key(g.model, {Key::Enter, 0}));
  CHECK(node_id(g.model) == "group-photo");
}

TEST_CASE("skip this scene: to the next decision, or past a decision to its skip target") {
  TempDir dir;
  Game g(shipped_library(), dir.path());
  to_play(g.model);
  REQUIRE(handle_key(g.model, {Key::S, 0}));
  CHECK(node_id(g.model) == "ask-share");  // narration and image card skipped to the decision
  REQUIRE(handle_key(g.model, {Key::S, 0}));
  CHECK(node_id(g.model) == "skip-helps");  // a skipped decision leads to the supportive route
  bool skipped = false;
  for (const auto& e : g.sink.runner) skipped = skipped || e.type == EventType::SceneSkipped;
  CHECK(skipped);
  // Skipping from the pause screen closes it; the route ends as "skipped", not a story ending.
  g.model.pause();
  REQUIRE(handle_key(g.model, {Key::S, 0}));
  CHECK(g.model.overlay() == Overlay::None);
  CHECK(node_id(g.model) == "end-skipped");
  CHECK(g.model.runner()->node().as<EndingBody>().outcome == Outcome::Skipped);
}

TEST_CASE("a decision without a skip target offers leaving instead") {
  TempDir dir;
  const auto scen = dir.path() / "content" / "no-skip.json";
  write_file(scen, R"({"type":"scenario","format_version":1,"id":"no-skip","locales":["ko","en"],
    "title":{"ko":"건너뛰기 없음","en":"No skip"},"summary":{"ko":"요약","en":"Summary"},
    "content_note":{"ko":"안내","en":"Note"},"audience":{"min_age":12,"max_age":18},"minutes":1,
    "learning_goals":["real_harm"],"review":{"status":"reviewed","by":"Tests","date":"2026-01-01"},
    "player":"me","start":"ask","variables":[],
    "characters":[{"id":"me","name":{"ko":"나","en":"Me"},"avatar":{"color":"#336699"}}],"threads":[],
    "nodes":[{"id":"ask","kind":"narration","text":{"ko":"어떻게 할까?","en":"What now?"},
      "choices":[{"id":"a","text":{"ko":"가","en":"A"},"to":"end"},{"id":"b","text":{"ko":"나","en":"B"},"to":"end"}]},
     {"id":"end","kind":"ending","outcome":"upstander","title":{"ko":"끝","en":"End"},"text":{"ko":"끝","en":"The end"},
      "debrief":{"targeted":{"text":{"ko":"가","en":"a"}},"around":{"text":{"ko":"나","en":"b"}},
       "rules":{"text":{"ko":"다","en":"c"},"sources":["https://example.org"]}},"help":["counselling"]}]})");
  auto paths = content_paths();
  paths.push_back(scen.string());
  const ContentLibrary lib = ContentLibrary::load(paths);
  REQUIRE(lib.find_scenario("no-skip") != nullptr);
  Game g(lib, dir.path());
  g.model.start();
  g.model.choose_language("en");
  g.model.choose_solo();
  const auto offered = g.model.offered_scenarios();
  std::size_t i = 0;
  while (i < offered.size() && offered[i]->id != "no-skip") ++i;
  REQUIRE(g.model.pick_scenario(i));
  g.model.note_play();
  if (g.model.screen() == Screen::PreSurvey) g.model.survey_skip_all();
  REQUIRE(node_id(g.model) == "ask");
  REQUIRE_FALSE(g.model.runner()->can_skip());
  REQUIRE(handle_key(g.model, {Key::S, 0}));
  CHECK(g.model.overlay() == Overlay::ConfirmLeave);
  CHECK(node_id(g.model) == "ask");
  REQUIRE(handle_key(g.model, {Key::Digit, 1}));
  CHECK(g.model.screen() == Screen::Finish);
  CHECK(g.model.finish_reason() == FinishReason::Left);
}

TEST_CASE("leaving asks first, can be cancelled, and ends on the finish screen with help") {
  TempDir dir;
  Game g(shipped_library(), dir.path());
  to_play(g.model);
  REQUIRE(handle_key(g.model, {Key::L, 0}));
  CHECK(g.model.overlay() == Overlay::ConfirmLeave);
  REQUIRE(handle_key(g.model, {Key::Escape, 0}));
  CHECK(g.model.overlay() == Overlay::None);
  CHECK(g.model.screen() == Screen::Play);
  REQUIRE(handle_key(g.model, {Key::L, 0}));
  REQUIRE(handle_key(g.model, {Key::Enter, 0}));
  CHECK(g.model.screen() == Screen::Finish);
  CHECK(g.model.runner() == nullptr);
  const auto progress = g.store.load(kProgressFile);
  REQUIRE(progress);
  CHECK_FALSE(progress->contains("play"));
}

// --- 5. Saving and resuming ---

TEST_CASE("progress is saved on every step and restored after a restart") {
  TempDir dir;
  {
    Game g(shipped_library(), dir.path());
    to_play(g.model);
    set_reduce_motion(g.model, true);
    g.model.skip_scene();          // to ask-share
    g.model.choose_id("say-yes");  // story
    g.model.continue_story();      // ping
    g.model.continue_story();      // edited
    REQUIRE(node_id(g.model) == "edited");
    REQUIRE(g.model.choose_id("forward"));
    REQUIRE(node_id(g.model) == "forward-excuse");
  }
  Game again(shipped_library(), dir.path());
  again.model.start();
  CHECK(again.model.screen() == Screen::Play);
  REQUIRE(again.model.runner() != nullptr);
  CHECK(node_id(again.model) == "forward-excuse");
  CHECK(again.model.runner()->value_of("spread") ==
        55);  // 30 saw it posted, 25 in the forwarded chat
  CHECK(again.model.notice() == "game.resume.welcome_back");
  CHECK(again.model.settings().reduce_motion);
  CHECK(again.model.fully_revealed());  // already read before the restart
  // Back still works after the restart, and moving on clears the notice.
  CHECK(again.model.go_back());
  CHECK(node_id(again.model) == "edited");
  CHECK(again.model.notice().empty());
}

TEST_CASE("the phone's clock keeps the story's last time and is the same after a restart") {
  TempDir dir;
  {
    Game g(shipped_library(), dir.path());
    to_play(g.model);
    set_reduce_motion(g.model, true);
    CHECK(g.model.phone_clock() == "10:12");  // saturday sets it
    g.model.continue_story();                 // group-photo has no time of its own
    CHECK(g.model.phone_clock() == "10:12");
    g.model.continue_story();  // ask-share: its first message's time
    CHECK(g.model.phone_clock() == "10:13");
    REQUIRE(g.model.choose_id("say-yes"));
    REQUIRE(node_id(g.model) == "story");  // a feed post, no time: the clock stays
    CHECK(g.model.phone_clock() == "10:13");
  }
  Game again(shipped_library(), dir.path());
  again.model.start();
  REQUIRE(node_id(again.model) == "story");
  CHECK(again.model.phone_clock() == "10:13");  // not the start of the day again
  again.model.continue_story();                 // ping, at night
  CHECK(again.model.phone_clock() == "21:40");
}

TEST_CASE("a restart during the post-survey comes back at the question reached") {
  TempDir dir;
  std::size_t reached = 0;
  {
    Game g(shipped_library(), dir.path());
    to_play(g.model);
    set_reduce_motion(g.model, true);
    for (int i = 0; i < 200 && g.model.screen() != Screen::Debrief; ++i) {
      if (g.model.screen() == Screen::Reflection) {
        REQUIRE(g.model.skip_scene());
      } else if (!g.model.runner()->visible_choices().empty()) {
        REQUIRE(g.model.choose(0));
      } else {
        REQUIRE(g.model.continue_story());
      }
    }
    REQUIRE(g.model.screen() == Screen::Debrief);
    g.model.tick(g.model.now() + AppModel::kEndingDwellSeconds);
    REQUIRE(g.model.debrief_done());
    REQUIRE(g.model.screen() == Screen::PostSurvey);
    REQUIRE(g.model.survey_answer(4));
    REQUIRE(g.model.survey_answer(2));
    reached = g.model.survey_index();
    REQUIRE(reached == 2);
  }
  Game again(shipped_library(), dir.path());
  again.model.start();
  REQUIRE(again.model.screen() == Screen::PostSurvey);
  CHECK(again.model.survey_index() == reached);
}

TEST_CASE("a save whose node was edited away starts the scenario again with a kind message") {
  TempDir dir;
  {
    Game g(shipped_library(), dir.path());
    to_play(g.model);
    g.model.skip_scene();
  }
  ProgressStore store(dir.path());
  auto progress = store.load(kProgressFile);
  REQUIRE(progress);
  (*progress)["play"]["runner"]["node"] = "a-node-that-was-removed";
  REQUIRE(store.store(kProgressFile, *progress));
  Game again(shipped_library(), dir.path());
  again.model.start();
  CHECK(again.model.notice() == "game.resume.node_gone");
  CHECK(again.model.text().has("game.resume.node_gone"));
  CHECK(again.model.screen() == Screen::Play);
  CHECK(node_id(again.model) == "saturday");
}

TEST_CASE("a save for a scenario that no longer exists goes to the picker") {
  TempDir dir;
  ProgressStore store(dir.path());
  store.store(kSettingsFile, {{"language", "en"}});
  store.store(
      kProgressFile,
      {{"version", 1}, {"play", {{"scenario", "gone"}, {"runner", nlohmann::json::object()}}}});
  Game g(shipped_library(), dir.path());
  g.model.start();
  CHECK(g.model.screen() == Screen::Picker);
  CHECK(g.model.notice() == "game.resume.scenario_gone");
}

TEST_CASE("a broken save file starts fresh instead of failing") {
  TempDir dir;
  write_file(dir.path() / kSettingsFile, "{\"language\": \"en\"}");
  write_file(dir.path() / kProgressFile, "{ not json");
  Game g(shipped_library(), dir.path());
  g.model.start();
  CHECK(g.model.screen() == Screen::Mode);
}

// --- 6. Endings, debrief and the post-survey ---

TEST_CASE("an ending leads to the debrief, the post-survey and the finish screen") {
  TempDir dir;
  Game g(shipped_library(), dir.path());
  g.model.start();
  g.model.choose_language("en");
  g.model.choose_solo();
  g.model.pick_scenario(index_of_tour(g.model));
  g.model.note_play();
  REQUIRE(g.model.screen() == Screen::PreSurvey);
  g.model.survey_skip_all();
  set_reduce_motion(g.model, true);
  g.model.skip_scene();
  g.model.choose_id("say-yes");
  g.model.skip_scene();  // to the "edited" decision
  REQUIRE(g.model.choose_id("tell-teacher"));
  while (g.model.screen() == Screen::Play) REQUIRE(g.model.continue_story());
  REQUIRE(g.model.screen() == Screen::Reflection);
  // Issue 15: Enter does not pass a question unanswered; only an answer or S moves on.
  CHECK_FALSE(handle_key(g.model, {Key::Enter, 0}));
  CHECK(g.model.screen() == Screen::Reflection);
  REQUIRE(handle_key(g.model, {Key::Digit, 3}));  // an option
  REQUIRE(g.model.screen() == Screen::Reflection);
  REQUIRE(handle_key(g.model, {Key::Digit, 4}));  // the 1-5 scale
  while (g.model.screen() == Screen::Play) REQUIRE(g.model.continue_story());
  REQUIRE(g.model.screen() == Screen::Debrief);
  CHECK(node_id(g.model) == "end-upstander");
  const Runner* r = g.model.runner();
  REQUIRE(r != nullptr);
  CHECK_FALSE(g.model.help(r->node().as<EndingBody>().help).entries.empty());
  // Issue 15: the ending stays until it has been on screen a moment.
  CHECK_FALSE(handle_key(g.model, {Key::Enter, 0}));
  CHECK(g.model.screen() == Screen::Debrief);
  g.model.tick(g.model.now() + AppModel::kEndingDwellSeconds);
  REQUIRE(handle_key(g.model, {Key::Enter, 0}));
  REQUIRE(g.model.screen() == Screen::PostSurvey);
  CHECK(g.model.survey_form() == SurveyForm::B);
  REQUIRE(handle_key(g.model, {Key::Digit, 5}));
  CHECK(g.sink.survey.back().form == SurveyForm::B);
  CHECK(g.sink.survey.back().phase == SurveyPhase::Post);
  g.model.survey_skip_all();
  CHECK(g.model.screen() == Screen::Finish);
  CHECK(g.model.finish_reason() == FinishReason::Completed);
  int answered = 0;
  for (const auto& e : g.sink.runner) answered += e.type == EventType::ReflectionAnswered ? 1 : 0;
  CHECK(answered == 2);
}

// --- 7. Help ---

TEST_CASE("help is one key away on every screen and overlay") {
  TempDir dir;
  Game g(shipped_library(), dir.path());
  AppModel& m = g.model;
  std::set<Screen> seen;
  const auto check_help = [&] {
    seen.insert(m.screen());
    const Overlay before = m.overlay();
    REQUIRE(handle_key(m, {Key::F1, 0}));
    CHECK(m.overlay() == Overlay::Help);
    CHECK_FALSE(m.help().entries.empty());
    REQUIRE(handle_key(m, {Key::F1, 0}));
    CHECK(m.overlay() == Overlay::None);
    if (before != Overlay::None && before != Overlay::Help) {
      // Reopen what was there so the walk goes on from the same place.
      if (before == Overlay::Pause) m.pause();
      if (before == Overlay::Settings) m.open_settings();
      if (before == Overlay::ConfirmLeave) m.request_leave();
    }
  };
  m.start();
  check_help();  // language
  m.choose_language("en");
  check_help();  // mode
  m.choose_solo();
  check_help();  // picker
  m.open_settings();
  check_help();
  m.close_overlay();
  m.pick_scenario(index_of_tour(m));
  check_help();  // content note
  m.note_play();
  check_help();  // pre-survey
  m.survey_skip_all();
  set_reduce_motion(m, true);
  check_help();  // play
  m.pause();
  check_help();
  m.resume();
  m.request_leave();
  check_help();
  m.close_overlay();
  m.skip_scene();
  m.choose_id("say-yes");
  m.skip_scene();
  m.choose_id("speak-up");
  while (m.screen() == Screen::Play) m.continue_story();
  check_help();  // reflection
  while (m.screen() != Screen::Debrief) m.continue_story();
  check_help();  // debrief
  m.tick(m.now() + AppModel::kEndingDwellSeconds);
  m.debrief_done();
  check_help();  // post-survey
  m.survey_skip_all();
  check_help();  // finish
  CHECK(seen.size() == 10);
}

TEST_CASE("without a help file the help list falls back to the locale strings") {
  const ContentLibrary lib = ContentLibrary::load(content_paths(/*with_help=*/false));
  REQUIRE(lib.help() == nullptr);
  for (const char* lang : {"ko", "en"}) {
    UiText text(lib, lang);
    const HelpView v = make_help_view(lib, text, "KR");
    CHECK(v.from_fallback);
    REQUIRE(v.entries.size() == static_cast<std::size_t>(kFallbackHelpLines));
    CHECK(v.entries[0].contact.find("1366") != std::string::npos);
    CHECK(v.entries[1].contact.find("02-735-8994") != std::string::npos);
    CHECK(text.missing().empty());
  }
}

TEST_CASE("the help list follows the student's country and leads with the ending's topics") {
  // The fixture help file, whatever content/help/ holds: the expectations are about it.
  const ContentLibrary lib = ContentLibrary::load(
      {source_path("content/locale"), source_path("tests/fixtures/game/help")});
  UiText text(lib, "en");
  const HelpView kr = make_help_view(lib, text, "KR", {HelpTopic::School});
  REQUIRE_FALSE(kr.entries.empty());
  CHECK(kr.country_code == "KR");
  CHECK(kr.entries[0].contact.find("117") != std::string::npos);
  const HelpView other = make_help_view(lib, text, "FR");
  CHECK(other.country_code == "INT");
  CHECK(other.entries[0].contact.find("takeitdown.ncmec.org") != std::string::npos);
}

// --- 8. Drafts ---

TEST_CASE("drafts are hidden unless the setting allows them") {
  TempDir dir;
  const auto draft = dir.path() / "draft.json";
  const std::string src = [] {
    std::ifstream in(source_path("content/scenarios/feature-tour.json"));
    std::stringstream b;
    b << in.rdbuf();
    return b.str();
  }();
  auto j = nlohmann::json::parse(src);
  j["id"] = "draft-copy";
  j["review"] = {{"status", "draft"}};
  write_file(draft, j.dump());
  auto paths = content_paths();
  paths.push_back(draft.string());
  const ContentLibrary lib = ContentLibrary::load(paths);
  REQUIRE(lib.find_scenario("draft-copy") != nullptr);
  Game g(lib, dir.path() / "data");
  g.model.start();
  const auto has_draft = [&] {
    for (const auto* s : g.model.offered_scenarios()) {
      if (s->id == "draft-copy") return true;
    }
    return false;
  };
  CHECK_FALSE(has_draft());
  Settings s = g.model.settings();
  s.show_drafts = true;
  g.model.update_settings(s);
  CHECK(has_draft());
}

// --- 9. Chat history on the phone ---

TEST_CASE("a chat shows its earlier messages on the same phone, also after a restart") {
  TempDir dir;
  {
    Game g(shipped_library(), dir.path());
    to_play(g.model);
    set_reduce_motion(g.model, true);
    g.model.continue_story();  // group-photo, an image card in the class chat
    g.model.continue_story();  // ask-share, a chat in the same thread
    REQUIRE(node_id(g.model) == "ask-share");
    const auto earlier = g.model.earlier_in_thread("class");
    REQUIRE(earlier.size() == 1);
    CHECK(earlier[0]->id == "group-photo");
    CHECK(g.model.earlier_in_thread("seoyeon-dm").empty());
  }
  Game again(shipped_library(), dir.path());
  again.model.start();
  REQUIRE(node_id(again.model) == "ask-share");
  const auto earlier = again.model.earlier_in_thread("class");
  REQUIRE(earlier.size() == 1);
  CHECK(earlier[0]->id == "group-photo");
  // Going back past it forgets it.
  again.model.choose_id("ask-crop");
  CHECK(again.model.go_back());
  CHECK(again.model.earlier_in_thread("class").size() == 1);
}

TEST_CASE("another person's phone does not show the player's chat history") {
  TempDir dir;
  Game g(shipped_library(), dir.path());
  to_play(g.model);
  set_reduce_motion(g.model, true);
  g.model.skip_scene();
  g.model.choose_id("say-yes");
  g.model.skip_scene();
  REQUIRE(node_id(g.model) == "edited");
  CHECK_FALSE(g.model.earlier_in_thread("class").empty());
  REQUIRE(g.model.choose_id("speak-up"));
  while (node_id(g.model) != "seoyeon-sees") REQUIRE(g.model.continue_story());
  REQUIRE(g.model.runner()->perspective() == "seoyeon");
  CHECK(g.model.earlier_in_thread("class").empty());
}
