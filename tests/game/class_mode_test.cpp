// Class mode without a network: the model against a scripted connection. Joining (the
// search, typing the code, every error), where events and survey answers go, the status
// line, the server going away, data collection off, the session ending, and restarting.
//
// Index:
//   1. Helpers: the scripted class, keys, joining, playing
//   2. Joining and its errors
//   3. Where events and survey answers go
//   4. The status line and data collection off
//   5. Session end, quit and restart
//   6. Surveys, solo play and the class's language
//   7. The join form and a session ending between stories
//   8. Invitations by the class's address
//   9. The join screen's footer

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "game_test_support.hpp"
#include "key_input.hpp"
#include "key_map.hpp"
#include "scripted_class_link.hpp"

using namespace upstander;
using namespace upstander::app;
using namespace upstander::app::test;

namespace {

// --- 1. Helpers: the scripted class, keys, joining, playing ---

const Scenario& tour() {
  const Scenario* s = shipped_library().find_scenario("feature-tour");
  REQUIRE(s != nullptr);
  return *s;
}

ClassSession tour_session(const std::string& id = "s-1") {
  ClassSession s;
  s.id = id;
  s.language = "en";
  s.pseudonym = {"calm", "otter", 42};
  s.scenarios = {&tour()};
  s.survey = shipped_library().survey();
  return s;
}

struct ClassGame {
  explicit ClassGame(const std::filesystem::path& dir) : store(dir) {
    connection.offered = tour_session();
    connection.servers_found = {"10.0.0.5:8080"};
  }
  AppModel& model() {
    if (!m) m.emplace(shipped_library(), &store, solo, connection, "en_US.UTF-8");
    return *m;
  }
  ProgressStore store;
  RecordingSink solo;
  ScriptedClassLink connection;
  std::optional<AppModel> m;
};

bool press(AppModel& m, KeyPress k) {
  return handle_key(m, k);
}

bool type_char(AppModel& m, char c) {
  return handle_key(m, {Key::Char, 0, c});
}

void type_text(AppModel& m, const std::string& s) {
  for (char c : s) type_char(m, c);
}

// From a first start to the class's scenario list, through the join screen.
void join(ClassGame& g, const std::string& code = "9H5DBF") {
  AppModel& m = g.model();
  m.start();
  if (m.screen() == Screen::Language) REQUIRE(m.choose_language("en"));
  REQUIRE(m.choose_class());
  REQUIRE(m.screen() == Screen::Join);
  type_text(m, code);
  REQUIRE(press(m, {Key::Enter}));
  m.tick(1.0);
  REQUIRE(m.screen() == Screen::ClassWelcome);
  REQUIRE(press(m, {Key::Enter}));
  REQUIRE(m.screen() == Screen::Picker);
}

// Picks the feature tour in class, skips the pre-survey, and stands on its first node.
void start_tour(AppModel& m) {
  REQUIRE(m.pick_scenario(0));
  REQUIRE(m.note_play());
  if (m.screen() == Screen::PreSurvey) REQUIRE(m.survey_skip_all());
  REQUIRE(m.screen() == Screen::Play);
}

// Plays on by continuing, taking the first choice and the first option, until an ending.
void play_to_ending(AppModel& m) {
  for (int guard = 0; guard < 200 && m.screen() != Screen::Debrief; ++guard) {
    m.reveal_all();
    if (m.screen() == Screen::Reflection) {
      const auto& body = m.runner()->node().as<ReflectionBody>();
      REQUIRE((body.scale ? m.answer_scale(3) : m.answer_option(0)));
    } else if (!m.runner()->node().choices.empty()) {
      REQUIRE(m.choose(0));
    } else {
      REQUIRE(m.continue_story());
    }
  }
  REQUIRE(m.screen() == Screen::Debrief);
}

bool has_event(const std::vector<RunnerEvent>& events, EventType t) {
  return std::any_of(events.begin(), events.end(),
                     [t](const RunnerEvent& e) { return e.type == t; });
}

}  // namespace

// --- 2. Joining and its errors ---

TEST_CASE(
    "joining: the search runs, the code is typed upper case, and the student learns their name") {
  TempDir dir;
  ClassGame g(dir.path());
  AppModel& m = g.model();
  m.start();
  m.choose_language("en");
  REQUIRE(press(m, {Key::Digit, 2}));
  CHECK(m.screen() == Screen::Join);
  CHECK(g.connection.discover_calls == 1);
  CHECK(m.class_discovery().done);
  CHECK(m.class_discovery().servers == std::vector<std::string>{"10.0.0.5:8080"});

  // S and P are code symbols here, not "skip" and "pause"; L is never in a code.
  type_char(m, '9');
  type_char(m, 'h');
  CHECK(press(m, {Key::S, 0}));
  CHECK(press(m, {Key::P, 0}));
  CHECK(press(m, {Key::Digit, 2}));
  CHECK(m.overlay() == Overlay::None);
  CHECK(press(m, {Key::L, 0}));  // changes nothing but the hint
  CHECK(m.join_form().hint() == "game.class.join.code_hint");
  CHECK(m.text().has(m.join_form().hint()));
  CHECK(m.overlay() == Overlay::None);
  type_char(m, 'd');
  CHECK(m.join_form().code() == "9HSP2D");
  CHECK(m.join_form().code_complete());
  type_char(m, '7');  // a seventh symbol has no box
  CHECK(m.join_form().code() == "9HSP2D");
  CHECK(press(m, {Key::Backspace}));
  CHECK(m.join_form().code() == "9HSP2");
  type_char(m, 'x');
  CHECK(m.join_form().hint().empty());

  REQUIRE(press(m, {Key::Enter}));
  REQUIRE(g.connection.join_requests.size() == 1);
  CHECK(g.connection.join_requests[0] == std::pair<std::string, std::string>{"9HSP2X", ""});
  CHECK(m.screen() == Screen::ClassWelcome);
  CHECK(m.in_class());
  CHECK(m.class_name() == "Calm otter 42");
  CHECK(m.text().get("game.class.you_are", {{"name", m.class_name()}}) ==
        "In this class you are Calm otter 42. Only you see this name.");
  REQUIRE(press(m, {Key::Enter}));
  CHECK(m.screen() == Screen::Picker);
  // Only the teacher's scenarios: the solo content is not mixed in.
  CHECK(m.offered_scenarios() == std::vector<const Scenario*>{&tour()});
  CHECK(shipped_library().scenarios().size() > 1);
  CHECK(m.text().missing().empty());
}

TEST_CASE("a typed server address is passed on, and the search can run again") {
  TempDir dir;
  ClassGame g(dir.path());
  g.connection.servers_found.clear();
  AppModel& m = g.model();
  m.start();
  m.choose_language("en");
  m.choose_class();
  CHECK(m.class_discovery().done);
  CHECK(m.class_discovery().servers.empty());
  CHECK(m.join_search_again());
  CHECK(g.connection.discover_calls == 2);
  REQUIRE(m.join_select(JoinField::Address));
  type_text(m, "10.0.0.7:8080");
  CHECK(m.join_form().address() == "10.0.0.7:8080");
  CHECK(m.join_form().code().empty());
  m.join_select(JoinField::Code);
  type_text(m, "abc-def");  // dashes as a projector shows them are skipped
  CHECK(m.join_form().code() == "ABCDEF");
  REQUIRE(m.join_submit());
  REQUIRE(g.connection.join_requests.size() == 1);
  CHECK(g.connection.join_requests[0].second == "10.0.0.7:8080");
}

TEST_CASE("every join error is said in the student's language and the student can try again") {
  TempDir dir;
  ClassGame g(dir.path());
  AppModel& m = g.model();
  m.start();
  m.choose_language("en");
  m.choose_class();

  SUBCASE("an incomplete code is not sent") {
    type_text(m, "9H5");
    REQUIRE(m.join_submit());
    CHECK(g.connection.join_requests.empty());
    CHECK(m.join_error_text() == m.text().get("game.class.join.error.code_incomplete"));
    type_char(m, 'D');
    CHECK(m.join_error_text().empty());  // typing again clears it
  }

  SUBCASE("each failure has its own text") {
    type_text(m, "9H5DBF");
    for (JoinError f : {JoinError::NoServer, JoinError::BadAddress, JoinError::Unreachable,
                        JoinError::UnknownCode, JoinError::LobbyLocked, JoinError::SessionFull,
                        JoinError::TooManyTries, JoinError::BadContent, JoinError::ServerError,
                        JoinError::LocalStorage}) {
      CAPTURE(name_of(f));
      g.connection.join_outcome = f;
      g.connection.retry_after_seconds = 37;
      REQUIRE(m.join_submit());
      CHECK(m.screen() == Screen::Join);
      CHECK_FALSE(m.in_class());
      const std::string key = "game.class.join.error." + std::string(name_of(f));
      CHECK(m.text().has(key));
      CHECK(m.join_error_text() == m.text().get(key, {{"seconds", "37"}}));
    }
    g.connection.join_outcome = JoinError::TooManyTries;
    m.join_submit();
    // Not "you typed too many": on a shared network the wrong codes may be someone else's.
    CHECK(
        m.join_error_text() ==
        "Many wrong codes have come from this network. Check the code on the screen and try again in 37 seconds.");
    g.connection.join_outcome = JoinError::None;
    REQUIRE(m.join_submit());
    CHECK(m.screen() == Screen::ClassWelcome);
    CHECK(m.join_error_text().empty());
  }

  SUBCASE("while the answer is on its way, nothing else is sent and Esc waits") {
    type_text(m, "9H5DBF");
    g.connection.join_finishes = false;
    REQUIRE(m.join_submit());
    CHECK(m.joining());
    CHECK_FALSE(m.join_submit());
    CHECK_FALSE(type_char(m, '2'));
    CHECK_FALSE(press(m, {Key::Escape}));
    CHECK(g.connection.join_requests.size() == 1);
    m.tick(1.0);
    CHECK(m.joining());
    g.connection.finish_join();
    m.tick(2.0);
    CHECK_FALSE(m.joining());
    CHECK(m.screen() == Screen::ClassWelcome);
  }

  SUBCASE("Esc goes back and help is one key away") {
    REQUIRE(press(m, {Key::F1}));
    CHECK(m.overlay() == Overlay::Help);
    m.close_overlay();
    REQUIRE(press(m, {Key::Escape}));
    CHECK(m.screen() == Screen::Mode);
  }
}

// --- 3. Where events and survey answers go ---

TEST_CASE("in class, events and survey answers go to the class; the solo sink gets nothing") {
  TempDir dir;
  ClassGame g(dir.path());
  join(g);
  AppModel& m = g.model();
  REQUIRE(m.pick_scenario(0));
  REQUIRE(m.note_play());
  REQUIRE(m.screen() == Screen::PreSurvey);  // the class asks its own survey
  const std::string first_item = m.survey()->items.front().id;
  REQUIRE(m.survey_answer(4));
  REQUIRE(g.connection.answers.size() == 1);
  CHECK(g.connection.answers[0] == SurveyAnswer{SurveyForm::A, first_item, 4});
  REQUIRE(m.survey_skip_all());
  REQUIRE(m.screen() == Screen::Play);
  play_to_ending(m);
  CHECK(has_event(g.connection.events, EventType::ScenarioStarted));
  CHECK(has_event(g.connection.events, EventType::ChoiceMade));
  CHECK(has_event(g.connection.events, EventType::EndingReached));
  for (const auto& e : g.connection.events) CHECK(e.scenario == "feature-tour");
  m.tick(m.now() + AppModel::kEndingDwellSeconds);
  REQUIRE(m.debrief_done());
  REQUIRE(m.screen() == Screen::PostSurvey);
  REQUIRE(m.survey_answer(5));
  CHECK(g.connection.answers.back() ==
        SurveyAnswer{SurveyForm::B, first_item, 5, SurveyPhase::Post});
  CHECK(g.solo.empty());
}

TEST_CASE("a student the server gave B first sees form B before play and form A after") {
  TempDir dir;
  ClassGame g(dir.path());
  g.connection.offered.survey_order = SurveyOrder::BA;
  join(g);
  AppModel& m = g.model();
  REQUIRE(m.pick_scenario(0));
  REQUIRE(m.note_play());
  REQUIRE(m.screen() == Screen::PreSurvey);
  CHECK(m.survey_form() == SurveyForm::B);
  CHECK(m.survey_phase() == SurveyPhase::Pre);
  const std::string first_item = m.survey()->items.front().id;
  REQUIRE(m.survey_answer(2));
  // The event says both: which form was on screen, and that it was before play.
  CHECK(g.connection.answers.back() ==
        SurveyAnswer{SurveyForm::B, first_item, 2, SurveyPhase::Pre});
  REQUIRE(m.survey_skip_all());
  play_to_ending(m);
  m.tick(m.now() + AppModel::kEndingDwellSeconds);
  REQUIRE(m.debrief_done());
  REQUIRE(m.screen() == Screen::PostSurvey);
  CHECK(m.survey_form() == SurveyForm::A);
  REQUIRE(m.survey_answer(4));
  CHECK(g.connection.answers.back() ==
        SurveyAnswer{SurveyForm::A, first_item, 4, SurveyPhase::Post});
}

TEST_CASE("sitting a class scenario out sends nothing") {
  TempDir dir;
  ClassGame g(dir.path());
  join(g);
  AppModel& m = g.model();
  REQUIRE(m.pick_scenario(0));
  REQUIRE(press(m, {Key::Digit, 3}));
  CHECK(m.finish_reason() == FinishReason::SatOut);
  CHECK(g.connection.events.empty());
  CHECK(g.connection.answers.empty());
  CHECK(g.solo.empty());
  // And the class goes on: the next story is the class's again.
  REQUIRE(m.play_another());
  CHECK(m.screen() == Screen::Picker);
  CHECK(m.offered_scenarios() == std::vector<const Scenario*>{&tour()});
}

// --- 4. The status line and data collection off ---

TEST_CASE("the status line: connected, offline with the answers waiting, back online") {
  TempDir dir;
  ClassGame g(dir.path());
  join(g);
  AppModel& m = g.model();
  CHECK(m.class_status_line() == "Calm otter 42 · Connected to the class");
  start_tour(m);
  g.connection.set_status(ClassStatus::Offline);  // the teacher's laptop lid closes
  const std::size_t before = g.connection.events.size();
  play_to_ending(m);  // the game stays playable
  REQUIRE(g.connection.pending() > 0);
  CHECK(g.connection.pending() == g.connection.events.size() - before);
  CHECK(m.class_status_line() ==
        "Calm otter 42 · Class server not reachable: " + std::to_string(g.connection.pending()) +
            " answers saved here, sent when it is back");
  CHECK(m.notice().empty());  // not alarming: no pop-up for a lost connection
  g.connection.set_status(ClassStatus::Sending);
  CHECK(m.class_status_line() == "Calm otter 42 · Sending your answers…");
  g.connection.set_status(ClassStatus::Online);
  CHECK(m.class_status_line() == "Calm otter 42 · Connected to the class");
  // Solo screens show no class line.
  m.tick(m.now() + AppModel::kEndingDwellSeconds);
  m.debrief_done();
  if (m.screen() == Screen::PostSurvey) m.survey_skip_all();
  m.play_another();
  m.back_screen();
  REQUIRE(m.screen() == Screen::Mode);
  CHECK(m.class_status_line().empty());
}

TEST_CASE("with data collection off the game says so and nothing is kept for sending") {
  TempDir dir;
  ClassGame g(dir.path());
  g.connection.offered.collecting = false;
  AppModel& m = g.model();
  m.start();
  m.choose_language("en");
  m.choose_class();
  type_text(m, "9H5DBF");
  m.join_submit();
  REQUIRE(m.screen() == Screen::ClassWelcome);
  CHECK_FALSE(m.class_session()->collecting);
  CHECK(
      m.class_status_line() ==
      "Calm otter 42 · Your teacher is not collecting answers: everything stays on this computer");
  m.class_welcome_done();
  start_tour(m);
  play_to_ending(m);
  CHECK(g.connection.events.empty());
  CHECK(g.solo.empty());
}

// --- 5. Session end, quit and restart ---

TEST_CASE(
    "a session the teacher ends: the ending and help stay, then the student is back on the mode screen") {
  TempDir dir;
  ClassGame g(dir.path());
  join(g);
  AppModel& m = g.model();
  start_tour(m);
  m.reveal_all();
  m.continue_story();
  g.connection.set_status(ClassStatus::SessionEnded);
  m.tick(5.0);
  CHECK(m.notice() == "game.class.ended_notice");
  CHECK(m.text().has(m.notice()));
  CHECK(m.screen() == Screen::Play);  // nothing is taken away mid-story
  CHECK(m.class_status_line() == "Calm otter 42 · The class session has ended");
  const std::size_t sent = g.connection.events.size();
  play_to_ending(m);
  CHECK(g.connection.events.size() == sent);  // nothing more is kept for sending
  CHECK_FALSE(m.help(m.runner()->node().as<EndingBody>().help).entries.empty());
  m.tick(6.0);
  CHECK(m.notice().empty());  // said once
  m.tick(m.now() + AppModel::kEndingDwellSeconds);
  m.debrief_done();
  if (m.screen() == Screen::PostSurvey) m.survey_skip_all();
  REQUIRE(m.screen() == Screen::Finish);
  CHECK_FALSE(m.help().entries.empty());
  REQUIRE(m.play_another());
  CHECK(m.screen() == Screen::Mode);
  CHECK(g.connection.leave_calls == 1);
  CHECK_FALSE(m.in_class());
  CHECK(m.resumable_class() == nullptr);
  CHECK_FALSE(press(m, {Key::Digit, 3}));  // no class to go back to
}

TEST_CASE("quit and restart in class: the same session, the same moment, the same sink") {
  TempDir dir;
  std::string node;
  {
    ClassGame g(dir.path());
    join(g);
    start_tour(g.model());
    g.model().reveal_all();
    REQUIRE(g.model().continue_story());
    node = g.model().runner()->node().id;
  }
  const auto progress = ProgressStore(dir.path()).load(kProgressFile);
  REQUIRE(progress);
  CHECK((*progress)["play"]["mode"] == "class");
  CHECK((*progress)["play"]["session"] == "s-1");
  CHECK((*progress)["class"]["session"] == "s-1");
  // Nothing that names the student is in the save: ids only.
  CHECK(progress->dump().find("otter") == std::string::npos);

  SUBCASE("the session is still saved") {
    ClassGame g(dir.path());
    g.connection.saved = true;
    AppModel& m = g.model();
    m.start();
    CHECK(m.in_class());
    CHECK(m.screen() == Screen::Play);
    CHECK(m.runner()->node().id == node);
    m.reveal_all();
    const std::size_t before = g.connection.events.size();
    play_to_ending(m);
    CHECK(g.connection.events.size() > before);
    CHECK(g.solo.empty());
  }

  SUBCASE("the session is gone from this computer") {
    ClassGame g(dir.path());
    AppModel& m = g.model();
    m.start();
    CHECK_FALSE(m.in_class());
    CHECK(m.screen() == Screen::Mode);
    CHECK(m.runner() == nullptr);
    CHECK(m.notice() == "game.class.resume_gone");
    CHECK(m.text().has(m.notice()));
  }
}

TEST_CASE("restarting on the class's list of stories goes back to it; the mode screen offers it") {
  TempDir dir;
  {
    ClassGame g(dir.path());
    join(g);
  }
  ClassGame g(dir.path());
  g.connection.saved = true;
  AppModel& m = g.model();
  m.start();
  CHECK(m.screen() == Screen::Picker);
  CHECK(m.in_class());
  REQUIRE(m.back_screen());
  CHECK(m.screen() == Screen::Mode);
  REQUIRE(m.resumable_class() != nullptr);
  REQUIRE(press(m, {Key::Digit, 3}));
  CHECK(m.screen() == Screen::Picker);
  CHECK(m.in_class());
}

// --- 6. Surveys, solo play and the class's language ---

TEST_CASE("the class asks its own survey even after the solo one was answered") {
  TempDir dir;
  ClassGame g(dir.path());
  AppModel& m = g.model();
  m.start();
  m.choose_language("en");
  m.choose_solo();
  m.pick_scenario(0);
  m.note_play();
  REQUIRE(m.screen() == Screen::PreSurvey);
  m.survey_skip_all();
  m.request_leave();
  m.confirm_leave();
  m.play_another();
  m.back_screen();
  REQUIRE(m.screen() == Screen::Mode);
  m.choose_class();
  type_text(m, "9H5DBF");
  m.join_submit();
  m.class_welcome_done();
  m.pick_scenario(0);
  m.note_play();
  CHECK(m.screen() == Screen::PreSurvey);
  CHECK(m.survey() == shipped_library().survey());
}

TEST_CASE("solo play stays solo: nothing reaches the class connection and no class data is saved") {
  TempDir dir;
  ClassGame g(dir.path());
  AppModel& m = g.model();
  m.start();
  m.choose_language("en");
  REQUIRE(m.choose_solo());
  CHECK_FALSE(m.in_class());
  const auto offered = m.offered_scenarios();
  const auto it = std::find(offered.begin(), offered.end(), &tour());
  REQUIRE(it != offered.end());
  REQUIRE(m.pick_scenario(static_cast<std::size_t>(it - offered.begin())));
  REQUIRE(m.note_play());
  if (m.screen() == Screen::PreSurvey) m.survey_skip_all();
  play_to_ending(m);
  CHECK(g.connection.events.empty());
  CHECK(g.connection.join_requests.empty());
  CHECK(g.connection.discover_calls == 0);
  CHECK_FALSE(g.solo.runner.empty());
  CHECK(m.class_status_line().empty());
  const auto progress = ProgressStore(dir.path()).load(kProgressFile);
  REQUIRE(progress);
  CHECK_FALSE(progress->contains("class"));
  CHECK((*progress)["play"]["mode"] == "solo");
  for (const auto& f : std::filesystem::directory_iterator(dir.path())) {
    const std::string name = f.path().filename().string();
    CHECK((name == kSettingsFile || name == kProgressFile));
  }
}

TEST_CASE("a class whose stories lack the student's language plays in the class's language") {
  TempDir dir;
  Scenario korean_only = tour();
  korean_only.locales = {"ko"};
  ClassGame g(dir.path());
  g.connection.offered.language = "ko";
  g.connection.offered.scenarios = {&korean_only};
  AppModel& m = g.model();
  m.start();
  m.choose_language("en");
  m.choose_class();
  type_text(m, "9H5DBF");
  m.join_submit();
  REQUIRE(m.screen() == Screen::ClassWelcome);
  CHECK(m.text().language() == "ko");
  CHECK(m.class_name() ==
        m.text().get("game.pseudonym.format",
                     {{"adjective", m.text().get("game.pseudonym.adjective.calm")},
                      {"animal", m.text().get("game.pseudonym.animal.otter")},
                      {"number", "42"}}));

  SUBCASE("but keeps the student's language when the stories have it") {
    ClassGame h(dir.path());
    AppModel& n = h.model();
    n.start();
    Settings s = n.settings();
    s.language = "en";
    n.update_settings(s);
    n.choose_class();
    type_text(n, "9H5DBF");
    n.join_submit();
    CHECK(n.text().language() == "en");
  }
}

// --- 7. The join form and a session ending between stories ---

TEST_CASE("the join form keeps to the code's alphabet and length") {
  JoinForm f;
  for (char c : std::string("0o1iluOILU")) CHECK_FALSE(f.type(c));
  CHECK(f.code().empty());
  CHECK(f.hint() == "game.class.join.code_hint");
  for (char c : kJoinCodeAlphabet) {
    f.clear();
    CHECK(f.type(c));
    CHECK(f.code() == std::string(1, c));
  }
  f.clear();
  for (char c : std::string("abcdefgh")) f.type(c);
  CHECK(f.code() == "ABCDEF");
  f.select(JoinField::Address);
  for (char c : std::string("host name!")) f.type(c);
  CHECK(f.address() == "hostname");
  CHECK(f.erase());
  CHECK(f.address() == "hostnam");
  CHECK(f.code() == "ABCDEF");
  const std::string long_address(100, 'a');
  for (char c : long_address) f.type(c);
  CHECK(f.address().size() == kMaxAddressLength);
}

TEST_CASE("a session that ends between stories sends the student back to the mode screen, kindly") {
  TempDir dir;
  ClassGame g(dir.path());
  join(g);
  AppModel& m = g.model();
  // Not while help is open: help is never closed under the student.
  m.open_help();
  g.connection.set_status(ClassStatus::SessionEnded);
  m.tick(1.0);
  CHECK(m.overlay() == Overlay::Help);
  CHECK(m.screen() == Screen::Picker);
  m.close_overlay();
  m.tick(2.0);
  CHECK(m.screen() == Screen::Mode);
  CHECK(m.notice() == "game.class.ended_between");
  CHECK(m.text().has(m.notice()));
  CHECK_FALSE(m.in_class());
  CHECK(g.connection.leave_calls == 1);
}

// --- 8. Invitations by the class's address ---

TEST_CASE("a class's address opens the join screen with the code typed in, once") {
  TempDir dir;
  ClassGame g(dir.path());
  AppModel& m = g.model();
  m.start();
  REQUIRE(m.screen() == Screen::Language);
  m.invite("9h5dbf");                     // lower case as typed into an address bar
  CHECK(m.screen() == Screen::Language);  // the language comes first
  REQUIRE(m.choose_language("en"));
  m.tick(1.0);
  REQUIRE(m.screen() == Screen::Join);
  CHECK(m.join_form().code() == "9H5DBF");
  CHECK(m.pending_invite().empty());
  REQUIRE(press(m, {Key::Enter}));  // the one confirm
  m.tick(2.0);
  CHECK(m.screen() == Screen::ClassWelcome);
}

TEST_CASE("an invitation does not interrupt a scenario being resumed") {
  TempDir dir;
  {
    ClassGame g(dir.path());
    AppModel& m = g.model();
    m.start();
    REQUIRE(m.choose_language("en"));
    REQUIRE(m.choose_solo());
    start_tour(m);
  }
  ClassGame again(dir.path());
  AppModel& m = again.model();
  m.start();
  REQUIRE(m.screen() == Screen::Play);
  m.invite("9H5DBF");
  m.tick(1.0);
  CHECK(m.screen() == Screen::Play);
  CHECK(m.pending_invite() == "9H5DBF");  // still waiting for the mode screen
}

TEST_CASE("an invitation where class play is not available says so on the mode screen") {
  TempDir dir;
  ProgressStore store(dir.path());
  RecordingSink sink;
  NotConnected none;
  AppModel m(shipped_library(), &store, sink, none, "en_US.UTF-8");
  m.start();
  REQUIRE(m.choose_language("en"));
  m.invite("9H5DBF");
  CHECK(m.screen() == Screen::Mode);
  CHECK(m.notice() == "game.mode.class_unavailable");
}

// --- 9. The join screen's footer ---

TEST_CASE("on the join screen the footer names Enter for what it does there: join") {
  TempDir dir;
  ClassGame g(dir.path());
  AppModel& m = g.model();
  m.start();
  if (m.screen() == Screen::Language) REQUIRE(m.choose_language("en"));
  REQUIRE(m.choose_class());
  REQUIRE(m.screen() == Screen::Join);
  CHECK(action_name(m, Action::Continue) == "game.keys.join");
  CHECK(m.text().get(action_name(m, Action::Continue)) == "join");
  CHECK(action_name(m, Action::PreviousScreen) == binding(Action::PreviousScreen).name);
  REQUIRE(m.back_screen());
  CHECK(action_name(m, Action::Continue) == "game.keys.continue");
}
