// Surveys: counterbalanced forms, keyed answers and discernment scoring.
#include <doctest/doctest.h>

#include "upstander/content_file.hpp"
#include "upstander/survey.hpp"
#include "upstander/survey_scoring.hpp"

using namespace upstander;

namespace {

Survey vignettes(std::initializer_list<VignetteKey> keys) {
  Survey s;
  int i = 0;
  for (VignetteKey k : keys) {
    SurveyItem v;
    v.id = "v" + std::to_string(++i);
    v.kind = SurveyItemKind::Vignette;
    v.key = k;
    s.items.push_back(v);
  }
  return s;
}

}  // namespace

TEST_CASE("the order decides which form comes before play and which after") {
  CHECK(form_for(SurveyOrder::AB, SurveyPhase::Pre) == SurveyForm::A);
  CHECK(form_for(SurveyOrder::AB, SurveyPhase::Post) == SurveyForm::B);
  CHECK(form_for(SurveyOrder::BA, SurveyPhase::Pre) == SurveyForm::B);
  CHECK(form_for(SurveyOrder::BA, SurveyPhase::Post) == SurveyForm::A);
  CHECK(parse_survey_order("BA") == SurveyOrder::BA);
  CHECK(parse_survey_order(name_of(SurveyOrder::AB)) == SurveyOrder::AB);
  CHECK_FALSE(parse_survey_order("AA"));
}

TEST_CASE("keyed answers: reversed statements and harmful vignettes flip") {
  SurveyItem plain;
  CHECK(plain.keyed(4) == 4);
  SurveyItem reversed;
  reversed.reverse = true;
  CHECK(reversed.keyed(4) == 2);
  SurveyItem harmful;
  harmful.kind = SurveyItemKind::Vignette;
  harmful.key = VignetteKey::Harmful;
  CHECK(harmful.keyed(1) == 5);
  SurveyItem benign = harmful;
  benign.key = VignetteKey::Benign;
  CHECK(benign.keyed(5) == 5);
}

TEST_CASE("discernment rewards telling harm from fine sharing, not refusing everything") {
  const Survey s = vignettes(
      {VignetteKey::Harmful, VignetteKey::Harmful, VignetteKey::Benign, VignetteKey::Benign});
  auto student = [&](std::vector<int> answers) {
    return score_discernment(s, [&](const SurveyItem& v) -> std::optional<double> {
      return answers[static_cast<std::size_t>(std::stoi(v.id.substr(1)) - 1)];
    });
  };
  // Harmful rated "not OK" and benign rated "OK": full marks.
  CHECK(student({1, 1, 5, 5})->score == doctest::Approx(4));
  // "Refuse everything" and "accept everything" are not judgement.
  CHECK(student({1, 1, 1, 1})->score == doctest::Approx(0));
  CHECK(student({5, 5, 5, 5})->score == doctest::Approx(0));
  // Half right on each side.
  const auto mixed = student({2, 4, 4, 2});
  CHECK(mixed->harmful_ok == doctest::Approx(3));
  CHECK(mixed->benign_ok == doctest::Approx(3));
  CHECK(mixed->score == doctest::Approx(0));
  const auto good = student({2, 1, 4, 5});
  CHECK(good->harmful_ok == doctest::Approx(1.5));
  CHECK(good->benign_ok == doctest::Approx(4.5));
  CHECK(good->score == doctest::Approx(3));
}

TEST_CASE("discernment needs at least one rated vignette of each key") {
  const Survey s = vignettes({VignetteKey::Harmful, VignetteKey::Benign});
  CHECK_FALSE(score_discernment(s, [](const SurveyItem& v) -> std::optional<double> {
    if (v.key == VignetteKey::Benign) return std::nullopt;  // unanswered or hidden
    return 1.0;
  }));
  CHECK_FALSE(
      score_discernment(vignettes({VignetteKey::Harmful}), [](const SurveyItem&) { return 1.0; }));
  // Unrated vignettes are left out, not counted as 0.
  const Survey three = vignettes({VignetteKey::Harmful, VignetteKey::Harmful, VignetteKey::Benign});
  const auto d = score_discernment(three, [](const SurveyItem& v) -> std::optional<double> {
    if (v.id == "v2") return std::nullopt;
    return v.key == VignetteKey::Harmful ? 2.0 : 5.0;
  });
  REQUIRE(d);
  CHECK(d->score == doctest::Approx(3));
}

TEST_CASE("statements come before vignettes, each list in file order") {
  Diagnostics d;
  const std::string text = R"({"type": "survey", "format_version": 1, "id": "s", "locales": ["en"],
    "title": {"en": "T"}, "intro_pre": {"en": "P"}, "intro_post": {"en": "Q"},
    "min_label": {"en": "No"}, "max_label": {"en": "Yes"}, "vignette_prompt": {"en": "OK."},
    "vignettes": [{"id": "v1", "key": "benign", "form_a": {"en": "a"}, "form_b": {"en": "b"}}],
    "items": [{"id": "i1", "goal": "excuses", "reverse": true, "form_a": {"en": "a"}, "form_b": {"en": "b"}}]})";
  const ContentFile f = load_content_text("s.json", text, d);
  REQUIRE(f.survey() != nullptr);
  const Survey& s = *f.survey();
  REQUIRE(s.items.size() == 2);
  CHECK(s.items[0].id == "i1");
  CHECK(s.items[1].id == "v1");
  CHECK(s.items[1].key == VignetteKey::Benign);
  CHECK(s.statements().size() == 1);
  CHECK(s.vignettes().size() == 1);
  CHECK(s.vignette_prompt.get("en") == "OK.");
}
