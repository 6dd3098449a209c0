// The shipped pre/post survey: 8-10 items on a 1-5 scale in two matched but different forms,
// covering the five learning goals, in Korean and English.
#include <doctest/doctest.h>

#include <set>

#include "shipped_content.hpp"
#include "upstander/survey.hpp"

using namespace upstander;
using namespace upstander::content_test;

namespace {

const Survey& survey() {
  const Survey* s = library().survey();
  REQUIRE_MESSAGE(s != nullptr, render(library().diagnostics()));
  return *s;
}

}  // namespace

TEST_CASE("the survey has 8 to 10 items covering all five learning goals") {
  const Survey& s = survey();
  CHECK(s.items.size() >= 8);
  CHECK(s.items.size() <= 10);
  std::set<LearningGoal> goals;
  for (const auto& item : s.items) goals.insert(item.goal);
  CHECK(goals.size() == 5);
}

TEST_CASE("the two forms are matched but worded differently, in both languages") {
  for (const auto& item : survey().items) {
    CAPTURE(item.id);
    for (const char* locale : {"ko", "en"}) {
      CAPTURE(locale);
      const std::string& a = item.text(SurveyForm::A).get(locale);
      const std::string& b = item.text(SurveyForm::B).get(locale);
      CHECK_FALSE(a.empty());
      CHECK_FALSE(b.empty());
      CHECK(a != b);
    }
  }
}

TEST_CASE("some items are reversed, so agreeing with everything does not look like learning") {
  int reversed = 0;
  for (const auto& item : survey().items) reversed += item.reverse ? 1 : 0;
  CHECK(reversed >= 2);
  CHECK(reversed <= static_cast<int>(survey().items.size()) - 2);
}

TEST_CASE("the survey introduces both forms and labels the scale") {
  const Survey& s = survey();
  for (const char* locale : {"ko", "en"}) {
    CAPTURE(locale);
    CHECK_FALSE(s.intro_pre.get(locale).empty());
    CHECK_FALSE(s.intro_post.get(locale).empty());
    CHECK_FALSE(s.min_label.get(locale).empty());
    CHECK_FALSE(s.max_label.get(locale).empty());
  }
}
