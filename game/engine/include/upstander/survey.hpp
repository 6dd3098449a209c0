// Pre/post surveys: 1-5 attitude and confidence statements and a block of judgement
// vignettes, each in two matched forms (A and B) so the gain is not inflated by answering
// the same sentence twice. Which form a student sees first is assigned per student.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "upstander/json_value.hpp"
#include "upstander/localized_text.hpp"
#include "upstander/read_context.hpp"
#include "upstander/source_loc.hpp"
#include "upstander/vocabulary.hpp"

namespace upstander {

inline constexpr int kSurveyFormatVersion = 1;

enum class SurveyForm { A, B };
// Before play or after it. Under counterbalancing half a class answers form B before play,
// so the phase, not the form, is what a pre/post shift compares.
enum class SurveyPhase { Pre, Post };
// The order a student's forms come in: AB (A before play, B after) or BA.
enum class SurveyOrder { AB, BA };

SurveyForm form_for(SurveyOrder order, SurveyPhase phase);
std::string_view name_of(SurveyOrder order);  // "AB" / "BA"
std::optional<SurveyOrder> parse_survey_order(std::string_view name);

enum class SurveyItemKind { Statement, Vignette };
// What a vignette shows: harm ("not OK" is the right judgement) or fine sharing ("OK").
enum class VignetteKey { Harmful, Benign };

struct SurveyItem {
  std::string id;
  SurveyItemKind kind = SurveyItemKind::Statement;
  LearningGoal goal = LearningGoal::RealHarm;  // statements only
  // A reversed statement agrees with the harmful view ("it's only a joke if it's fake"), so
  // a lower answer is the better one.
  bool reverse = false;
  VignetteKey key = VignetteKey::Harmful;  // vignettes only
  LocalizedText form_a;
  LocalizedText form_b;
  SourceLoc loc;

  const LocalizedText& text(SurveyForm f) const { return f == SurveyForm::A ? form_a : form_b; }
  bool is_vignette() const { return kind == SurveyItemKind::Vignette; }
  // Whether a low answer is the good one: reversed statements, and harmful vignettes (the
  // student rates "this is OK").
  bool lower_is_better() const { return is_vignette() ? key == VignetteKey::Harmful : reverse; }
  // A 1-5 answer turned so that higher is always better.
  int keyed(int value) const { return lower_is_better() ? 6 - value : value; }
};

struct Survey {
  std::string schema;
  std::string id;
  std::vector<std::string> locales;
  LocalizedText title;
  LocalizedText intro_pre;        // shown before the first form
  LocalizedText intro_post;       // shown before the second form
  LocalizedText min_label;        // under 1
  LocalizedText max_label;        // under 5
  LocalizedText vignette_prompt;  // the statement rated under each vignette ("This is OK.")
  // The questions in the order they are asked: every statement, then every vignette.
  std::vector<SurveyItem> items;

  const SurveyItem* find_item(std::string_view item_id) const;
  std::vector<const SurveyItem*> statements() const;
  std::vector<const SurveyItem*> vignettes() const;
};

// `root` must be the document's top-level object with "type": "survey"; its texts are
// moved into the model (see read_scenario).
Survey read_survey(ReadContext& ctx, JsonValue& root);

}  // namespace upstander
