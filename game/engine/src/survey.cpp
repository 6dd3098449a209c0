// Reading survey files.
#include "upstander/survey.hpp"

#include "upstander/diagnostic_codes.hpp"
#include "upstander/field_readers.hpp"
#include "upstander/scenario_reader.hpp"
#include "upstander/text_limits.hpp"

namespace upstander {

const SurveyItem* Survey::find_item(std::string_view item_id) const {
  for (const auto& i : items) {
    if (i.id == item_id) return &i;
  }
  return nullptr;
}

Survey read_survey(ReadContext& ctx, JsonValue& root) {
  Survey s;
  ObjectReader r(ctx, root, "a survey");
  r.allow("type");
  s.schema = r.optional_string("$schema", "");
  read_format_version(r, kSurveyFormatVersion);
  s.id = r.required_id("id").value_or("");
  s.locales = read_locales(r);
  s.title = required_text(r, "title", limits::kTitle);
  s.intro_pre = required_text(r, "intro_pre", limits::kSummary);
  s.intro_post = required_text(r, "intro_post", limits::kSummary);
  s.min_label = required_text(r, "min_label", limits::kLabel);
  s.max_label = required_text(r, "max_label", limits::kLabel);
  std::vector<bool> covered(all_names<LearningGoal>().size(), false);
  for_each_item(r, r.required("items"), "items", [&](std::size_t, const JsonValue& item) {
    if (!r.expect_type(item, "", JsonType::Object)) return;
    ObjectReader ir(ctx, item, "a survey item");
    SurveyItem it;
    it.loc = entity_loc(item.offset(), item.offset_of("id"));
    it.id = ir.required_id("id").value_or("");
    if (auto g = ir.required_enum("goal", all_names<LearningGoal>())) {
      it.goal = *parse_name<LearningGoal>(*g);
      covered[static_cast<std::size_t>(it.goal)] = true;
    }
    it.reverse = ir.optional_bool("reverse", false);
    it.form_a = required_text(ir, "form_a", limits::kCard);
    it.form_b = required_text(ir, "form_b", limits::kCard);
    ir.finish();
    for (const auto& other : s.items) {
      if (!it.id.empty() && other.id == it.id) {
        ctx.report(item.offset(), Severity::Error, codes::kDuplicateId, ctx.pointer() + "/id",
                   "another item already has the id \"" + it.id + "\"", "give each item its own id");
      }
    }
    s.items.push_back(std::move(it));
  });
  if (!s.items.empty()) {
    const auto names = all_names<LearningGoal>();
    for (std::size_t g = 0; g < covered.size(); ++g) {
      if (covered[g]) continue;
      ctx.report(root.find("items")->offset(), Severity::Warning, codes::kSurveyGoalMissing, "/items",
                 "no item measures the learning goal \"" + names[g] + "\"",
                 "add an item with \"goal\": \"" + names[g] + "\" so the class's shift on it can be seen");
    }
  }
  r.finish();
  return s;
}

}  // namespace upstander
