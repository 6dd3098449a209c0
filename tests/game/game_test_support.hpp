// Helpers for the game tests: the shipped content plus the test help/survey fixtures, a
// fresh data folder per test, and a sink that records what would leave the machine.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "app_model.hpp"
#include "event_sink.hpp"
#include "upstander/content_library.hpp"

namespace upstander::app::test {

inline std::string source_path(const std::string& relative) {
  return std::string(UPSTANDER_SOURCE_DIR) + "/" + relative;
}

// content/ has no help or survey file until the content team lands them; the fixtures
// stand in for them (and are skipped once the real ones exist).
inline std::vector<std::string> content_paths(bool with_help = true, bool with_survey = true) {
  std::vector<std::string> p{source_path("content/scenarios"), source_path("content/locale")};
  const auto pick = [&](const char* real, const char* fixture) {
    p.push_back(std::filesystem::exists(source_path(real)) ? source_path(real)
                                                           : source_path(fixture));
  };
  if (with_help) pick("content/help", "tests/fixtures/game/help");
  if (with_survey) pick("content/surveys", "tests/fixtures/game/surveys");
  return p;
}

// The shipped content with help and survey, loaded once per test program.
inline const ContentLibrary& shipped_library() {
  static const ContentLibrary lib = ContentLibrary::load(content_paths());
  return lib;
}

// A new empty folder under the build tree, removed when the object goes away.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ =
        std::filesystem::path(UPSTANDER_BINARY_DIR) / "test-tmp" / ("game-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class RecordingSink final : public EventSink {
 public:
  void runner_events(const std::vector<RunnerEvent>& events) override {
    runner.insert(runner.end(), events.begin(), events.end());
  }
  void survey_answer(const SurveyAnswer& a) override { survey.push_back(a); }
  bool empty() const { return runner.empty() && survey.empty(); }

  std::vector<RunnerEvent> runner;
  std::vector<SurveyAnswer> survey;
};

// From the mode screen (or a first start: the language is chosen) to the first screen of
// scenario `id` played solo, its survey skipped.
inline void start_scenario(AppModel& m, const std::string& id, const std::string& language = "en") {
  if (m.screen() == Screen::Language) REQUIRE(m.choose_language(language));
  REQUIRE(m.choose_solo());
  const auto offered = m.offered_scenarios();
  std::size_t i = 0;
  while (i < offered.size() && offered[i]->id != id) ++i;
  REQUIRE_MESSAGE(i < offered.size(), id << " is not offered");
  REQUIRE(m.pick_scenario(i));
  REQUIRE(m.note_play());
  if (m.screen() == Screen::PreSurvey) REQUIRE(m.survey_skip_all());
}

// One step on through a story as a student who takes the first offer: every message shown,
// then the first choice, Continue, or a reflection skipped.
inline bool step_first(AppModel& m) {
  m.reveal_all();
  if (m.screen() == Screen::Reflection) return m.continue_story();
  if (m.runner() && !m.runner()->visible_choices().empty()) return m.choose(0);
  return m.continue_story();
}

inline void write_file(const std::filesystem::path& p, const std::string& text) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

}  // namespace upstander::app::test
