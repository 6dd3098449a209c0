// Pre/post surveys: 1-5 attitude and confidence items in two matched forms (A before play,
// B after), so the gain is not inflated by answering the same sentence twice.
#pragma once

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

struct SurveyItem {
  std::string id;
  LearningGoal goal = LearningGoal::RealHarm;
  // A reversed item agrees with the harmful view ("it's only a joke if it's fake"), so a
  // lower answer is the better one; summaries flip it before averaging.
  bool reverse = false;
  LocalizedText form_a;
  LocalizedText form_b;
  SourceLoc loc;

  const LocalizedText& text(SurveyForm f) const { return f == SurveyForm::A ? form_a : form_b; }
};

struct Survey {
  std::string schema;
  std::string id;
  std::vector<std::string> locales;
  LocalizedText title;
  LocalizedText intro_pre;   // shown before form A
  LocalizedText intro_post;  // shown before form B
  LocalizedText min_label;   // under 1
  LocalizedText max_label;   // under 5
  std::vector<SurveyItem> items;

  const SurveyItem* find_item(std::string_view item_id) const;
};

// `root` must be the document's top-level object with "type": "survey"; its texts are
// moved into the model (see read_scenario).
Survey read_survey(ReadContext& ctx, JsonValue& root);

}  // namespace upstander
