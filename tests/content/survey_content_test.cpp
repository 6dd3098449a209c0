// The shipped pre/post survey measures the learning goals: every statement names the topic,
// A and B are matched twins, reversed items are marked, and the vignettes are keyed so that
// judgement (not "refuse everything") is what scores.
#include <doctest/doctest.h>

#include <set>

#include "shipped_content.hpp"
#include "upstander/survey.hpp"
#include "upstander/survey_scoring.hpp"

using namespace upstander;
using namespace upstander::content_test;

namespace {

const Survey& survey() {
  const Survey* s = library().survey();
  REQUIRE_MESSAGE(s != nullptr, render(library().diagnostics()));
  return *s;
}

bool names_topic(const std::string& text, std::string_view locale) {
  if (locale == "ko") return text.find("성적인 합성 사진(딥페이크)") != std::string::npos;
  std::string lower = text;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("sexual deepfake") != std::string::npos;
}

const char* const kLocales[] = {"ko", "en"};

}  // namespace

TEST_CASE("the survey has 10 to 12 statements covering all five learning goals") {
  const auto statements = survey().statements();
  CHECK(statements.size() >= 10);
  CHECK(statements.size() <= 12);
  std::set<LearningGoal> goals;
  for (const auto* item : statements) goals.insert(item->goal);
  CHECK(goals.size() == 5);
}

TEST_CASE("every statement names the topic in both forms and both languages") {
  // A harmless face-swap is not the subject; an item that does not say "sexual" lets a
  // student with good judgement agree and be scored as worse.
  for (const auto* item : survey().statements()) {
    CAPTURE(item->id);
    for (const char* locale : kLocales) {
      CAPTURE(locale);
      CHECK(names_topic(item->form_a.get(locale), locale));
      CHECK(names_topic(item->form_b.get(locale), locale));
    }
  }
}

TEST_CASE("no form points at \"this\" before anything has happened") {
  // Half the class sees form B first, so neither form may lean on the game for a referent.
  const std::vector<std::string> ko = {"이런 일", "그런 일", "이런 사진", "그런 사진",
                                       "그 사진을 공유"};
  const std::vector<std::string> en = {"like this", "such a picture", "this happened",
                                       "it happened", "going through this"};
  for (const auto& item : survey().items) {
    CAPTURE(item.id);
    for (const auto* form : {&item.form_a, &item.form_b}) {
      for (const auto& w : ko) CHECK(form->get("ko").find(w) == std::string::npos);
      for (const auto& w : en) CHECK(form->get("en").find(w) == std::string::npos);
    }
  }
}

TEST_CASE("A and B are twins worded differently, sharing one goal and one key") {
  // A pair is one item in the file, so goal and key are shared by construction; this pins
  // that every item has both twins in both languages and that they differ.
  for (const auto& item : survey().items) {
    CAPTURE(item.id);
    for (const char* locale : kLocales) {
      CAPTURE(locale);
      const std::string* a = item.form_a.find(locale);
      const std::string* b = item.form_b.find(locale);
      REQUIRE(a != nullptr);
      REQUIRE(b != nullptr);
      CHECK(*a != *b);
    }
  }
}

TEST_CASE("twins are matched in person: both forms speak of \"I\" or neither does") {
  auto first_person = [](const std::string& en) {
    std::string word;
    for (std::size_t i = 0; i <= en.size(); ++i) {
      const char c = i < en.size() ? en[i] : ' ';
      if (std::isalpha(static_cast<unsigned char>(c)) || c == '\'') {
        word += c;
        continue;
      }
      if (word == "I" || word == "I'm" || word == "me" || word == "my" || word == "My") return true;
      word.clear();
    }
    return false;
  };
  for (const auto* item : survey().statements()) {
    CAPTURE(item->id);
    CHECK(first_person(item->form_a.get("en")) == first_person(item->form_b.get("en")));
  }
}

TEST_CASE("reversed items are marked, and are the ones that agree with a harmful view") {
  const std::set<std::string> harmful_views = {"label-harmless", "just-joke", "messenger",
                                               "victim-blame"};
  int reversed = 0;
  for (const auto* item : survey().statements()) {
    CAPTURE(item->id);
    CHECK(item->reverse == (harmful_views.count(item->id) == 1));
    CHECK(item->lower_is_better() == item->reverse);
    reversed += item->reverse ? 1 : 0;
  }
  CHECK(reversed >= 2);
  CHECK(reversed <= static_cast<int>(survey().statements().size()) - 2);
}

TEST_CASE("a peer-norm item asks what most of the class would do") {
  const SurveyItem* norm = survey().find_item("peer-norm");
  REQUIRE(norm != nullptr);
  CHECK_FALSE(norm->reverse);
  for (const auto* form : {&norm->form_a, &norm->form_b}) {
    CHECK(form->get("ko").find("우리 반 친구들 대부분") != std::string::npos);
    CHECK(form->get("en").find("Most people in my class") != std::string::npos);
  }
}

TEST_CASE("the discernment block has harmful and benign vignettes, each keyed") {
  int harmful = 0, benign = 0;
  for (const auto* v : survey().vignettes()) {
    CAPTURE(v->id);
    (v->key == VignetteKey::Harmful ? harmful : benign) += 1;
    CHECK(v->lower_is_better() == (v->key == VignetteKey::Harmful));
    for (const char* locale : kLocales) {
      CAPTURE(locale);
      // Harmful ones are about the topic; benign ones are sharing that is fine, never sexual.
      const bool topic =
          names_topic(v->form_a.get(locale), locale) && names_topic(v->form_b.get(locale), locale);
      CHECK(topic == (v->key == VignetteKey::Harmful));
    }
  }
  CHECK(harmful >= 2);
  CHECK(benign == harmful);
}

TEST_CASE("the shipped vignettes score judgement, not reflex") {
  const Survey& s = survey();
  auto answer = [](int harmful, int benign) {
    return [=](const SurveyItem& v) -> std::optional<double> {
      return v.key == VignetteKey::Harmful ? harmful : benign;
    };
  };
  CHECK(score_discernment(s, answer(1, 5))->score == doctest::Approx(4));
  CHECK(score_discernment(s, answer(1, 1))->score == doctest::Approx(0));  // refuse everything
  CHECK(score_discernment(s, answer(5, 5))->score == doctest::Approx(0));  // accept everything
  CHECK(score_discernment(s, answer(5, 1))->score == doctest::Approx(-4));
}

TEST_CASE("the survey introduces both forms and uses the standard scale labels") {
  const Survey& s = survey();
  for (const char* locale : kLocales) {
    CAPTURE(locale);
    CHECK_FALSE(s.intro_pre.get(locale).empty());
    CHECK_FALSE(s.intro_post.get(locale).empty());
    CHECK_FALSE(s.vignette_prompt.get(locale).empty());
  }
  CHECK(s.min_label.get("ko") == "전혀 그렇지 않다");
  CHECK(s.max_label.get("ko") == "매우 그렇다");
  CHECK(s.min_label.get("en") == "Strongly disagree");
  CHECK(s.max_label.get("en") == "Strongly agree");
}
