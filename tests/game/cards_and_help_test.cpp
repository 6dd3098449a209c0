// Issue 14 in the game's model: excuse headings in natural grammar by person, thought
// cards, the excuses and thoughts met listed at the ending, the skip route, and "Another
// country" on the help screen changing that screen only.
#include <doctest/doctest.h>

#include "card_heading.hpp"
#include "game_test_support.hpp"

using namespace upstander;
using namespace upstander::app;
using namespace upstander::app::test;

namespace {

const char* kThoughts = "tests/fixtures/game/scenarios/game-thoughts.json";

const ContentLibrary& library() {
  static const ContentLibrary lib = [] {
    auto paths = content_paths();
    paths.push_back(source_path(kThoughts));
    return ContentLibrary::load(paths);
  }();
  return lib;
}

const Scenario& thoughts() {
  const Scenario* s = library().find_scenario("game-thoughts");
  REQUIRE(s != nullptr);
  return *s;
}

const ExcuseBody& excuse(const char* id) {
  return thoughts().find_node(id)->as<ExcuseBody>();
}

struct CardsGame {
  explicit CardsGame(const std::filesystem::path& dir)
      : store(dir), model(library(), &store, sink, connection, "ko_KR.UTF-8") {}
  ProgressStore store;
  RecordingSink sink;
  NotConnected connection;
  AppModel model;
};

void set_reduce_motion(AppModel& m) {
  Settings s = m.settings();
  s.reduce_motion = true;
  m.update_settings(s);
}

// From a first start to the first node of the thoughts fixture, in `language`.
void to_play(AppModel& m, const std::string& language) {
  m.start();
  if (m.screen() == Screen::Language) REQUIRE(m.choose_language(language));
  Settings drafts = m.settings();
  drafts.show_drafts = true;  // the fixture is a draft
  m.update_settings(drafts);
  REQUIRE(m.choose_solo());
  const auto offered = m.offered_scenarios();
  std::size_t index = offered.size();
  for (std::size_t i = 0; i < offered.size(); ++i) {
    if (offered[i]->id == "game-thoughts") index = i;
  }
  REQUIRE(index < offered.size());
  REQUIRE(m.pick_scenario(index));
  REQUIRE(m.note_play());
  if (m.screen() == Screen::PreSurvey) REQUIRE(m.survey_skip_all());
  REQUIRE(m.screen() == Screen::Play);
  REQUIRE(m.runner()->node().id == "posted");
  set_reduce_motion(m);  // every card at once: the tests are about which cards, not pace
}

}  // namespace

TEST_CASE("a Korean name ending in a consonant takes 이 before a particle; others stay") {
  CHECK(korean_familiar_name("도현") == "도현이");
  CHECK(korean_familiar_name("지우") == "지우");
  CHECK(korean_familiar_name("하은") == "하은이");
  CHECK(korean_familiar_name("서연") == "서연이");
  CHECK(korean_familiar_name("유나") == "유나");
  CHECK(korean_familiar_name("Dohyun") == "Dohyun");
  CHECK(korean_familiar_name("모르는 계정") == "모르는 계정");  // not a given name
  CHECK(korean_familiar_name("") == "");
}

TEST_CASE("excuse headings say whose excuse in natural grammar, never \"You's\"") {
  const UiText en(library(), "en");
  const UiText ko(library(), "ko");
  CHECK(excuse_heading(en, thoughts(), excuse("my-excuse")) == "Your excuse");
  CHECK(excuse_heading(ko, thoughts(), excuse("my-excuse")) == "내 핑계");
  CHECK(excuse_heading(en, thoughts(), excuse("dohyun-excuse")) == "Dohyun's excuse");
  CHECK(excuse_heading(ko, thoughts(), excuse("dohyun-excuse")) == "도현이의 핑계");
  ExcuseBody nobody;
  CHECK(excuse_heading(en, thoughts(), nobody) == en.get("game.excuse.heading"));
  CHECK(thought_heading(en) == "A thought that can get in the way");
  CHECK(thought_heading(ko) == "이런 생각이 들 수 있어");
  CHECK(en.missing().empty());
  CHECK(ko.missing().empty());
}

TEST_CASE("a thought card shows the thought, then what helps") {
  TempDir dir;
  CardsGame g(dir.path());
  to_play(g.model, "en");
  REQUIRE(g.model.choose_id("laugh"));
  REQUIRE(g.model.continue_story());
  REQUIRE(g.model.runner()->node().kind == NodeKind::Thought);
  CHECK(g.model.total_items() == 2);  // the thought, then its answer
}

TEST_CASE("the ending lists the excuses and, apart, the thoughts met on this run") {
  TempDir dir;
  CardsGame g(dir.path());
  to_play(g.model, "ko");
  CHECK(g.model.cards_met().empty());
  REQUIRE(g.model.choose_id("ask"));  // Dohyun's excuse
  REQUIRE(g.model.continue_story());  // Jiwoo's thought
  REQUIRE(g.model.continue_story());  // the ending
  REQUIRE(g.model.runner()->at_ending());
  const CardsMet met = g.model.cards_met();
  CHECK(met.excuses == std::vector<std::string>{"그냥 장난이야. 진짜 사진도 아니잖아."});
  CHECK(met.thoughts == std::vector<std::string>{"내가 사진을 올려서 이렇게 된 걸까?"});
  // Another run the other way meets only its own excuse.
  TempDir dir2;
  CardsGame other(dir2.path());
  to_play(other.model, "ko");
  REQUIRE(other.model.choose_id("laugh"));
  REQUIRE(other.model.continue_story());
  REQUIRE(other.model.continue_story());
  CHECK(other.model.cards_met().excuses ==
        std::vector<std::string>{"다들 웃는데 나만 안 웃으면 이상하잖아."});
}

TEST_CASE("skipping leads to the supportive route, reported as skipped, with no cards met") {
  TempDir dir;
  CardsGame g(dir.path());
  to_play(g.model, "en");
  REQUIRE(g.model.skip_scene());
  CHECK(g.model.runner()->node().id == "helps");
  REQUIRE(g.model.continue_story());
  REQUIRE(g.model.runner()->at_ending());
  CHECK(g.model.runner()->node().as<EndingBody>().outcome == Outcome::Skipped);
  CHECK(g.model.cards_met().empty());
  bool reported = false;
  for (const auto& e : g.sink.runner) {
    if (e.type == EventType::EndingReached) reported = e.outcome == "skipped";
  }
  CHECK(reported);
}

TEST_CASE("\"Another country\" on the help screen changes that list only") {
  TempDir dir;
  CardsGame g(dir.path());
  to_play(g.model, "ko");
  const std::string own = g.model.country();
  REQUIRE(own == "KR");
  CHECK_FALSE(g.model.help_next_country());  // only while the help screen is open
  REQUIRE(g.model.open_help());
  CHECK(g.model.help_overlay().country_code == "KR");
  REQUIRE(g.model.help_next_country());
  const std::string other = g.model.help_overlay().country_code;
  CHECK(other != "KR");
  // The rest of the game keeps the student's country: settings and the endings' help.
  CHECK(g.model.settings().country.empty());
  CHECK(g.model.country() == "KR");
  CHECK(g.model.help().country_code == "KR");
  // Pressing it through every country comes back round.
  for (std::size_t i = 1; i < help_countries(library()).size(); ++i)
    REQUIRE(g.model.help_next_country());
  CHECK(g.model.help_overlay().country_code == "KR");
  REQUIRE(g.model.help_next_country());
  // Closed and opened again, help starts from the student's country.
  REQUIRE(g.model.close_overlay());
  REQUIRE(g.model.open_help());
  CHECK(g.model.help_overlay().country_code == "KR");
}

TEST_CASE("the next help country wraps round the file's order") {
  const auto codes = help_countries(library());
  REQUIRE(codes.size() >= 2);
  CHECK(next_help_country(library(), codes[0]) == codes[1]);
  CHECK(next_help_country(library(), codes.back()) == codes.front());
  CHECK(next_help_country(library(), "ZZ") == codes.front());
}
