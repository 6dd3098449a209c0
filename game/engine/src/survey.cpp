// Reading survey files: statements and vignettes, each with its A and B twin.
#include "upstander/survey.hpp"

#include "upstander/diagnostic_codes.hpp"
#include "upstander/field_readers.hpp"
#include "upstander/scenario_reader.hpp"
#include "upstander/text_limits.hpp"

namespace upstander {

SurveyForm form_for(SurveyOrder order, SurveyPhase phase) {
  const bool a_first = order == SurveyOrder::AB;
  return (phase == SurveyPhase::Pre) == a_first ? SurveyForm::A : SurveyForm::B;
}

std::string_view name_of(SurveyOrder order) {
  return order == SurveyOrder::AB ? "AB" : "BA";
}

std::optional<SurveyOrder> parse_survey_order(std::string_view name) {
  if (name == "AB") return SurveyOrder::AB;
  if (name == "BA") return SurveyOrder::BA;
  return std::nullopt;
}

const SurveyItem* Survey::find_item(std::string_view item_id) const {
  for (const auto& i : items) {
    if (i.id == item_id) return &i;
  }
  return nullptr;
}

std::vector<const SurveyItem*> Survey::statements() const {
  std::vector<const SurveyItem*> out;
  for (const auto& i : items) {
    if (!i.is_vignette()) out.push_back(&i);
  }
  return out;
}

std::vector<const SurveyItem*> Survey::vignettes() const {
  std::vector<const SurveyItem*> out;
  for (const auto& i : items) {
    if (i.is_vignette()) out.push_back(&i);
  }
  return out;
}

namespace {

// Both forms, or a survey-twin-missing that names the one that is there: a lone form has
// nothing to be compared with, so its shift would mean nothing.
void read_twins(ObjectReader& ir, const JsonValue& item, SurveyItem& it) {
  ReadContext& ctx = ir.context();
  const bool has_a = ir.has("form_a");
  const bool has_b = ir.has("form_b");
  if (has_a != has_b) {
    const char* missing = has_a ? "form_b" : "form_a";
    const char* present = has_a ? "form_a" : "form_b";
    ir.allow(present);
    ctx.report(
        item.offset(), Severity::Error, codes::kSurveyTwinMissing, ctx.pointer() + "/" + missing,
        std::string("\"") + present + "\" has no twin: \"" + missing + "\" is missing",
        std::string("add \"") + missing +
            "\", a sentence of the same person, strength and kind (knowing, intending, judging) "
            "worded differently, so that before and after can be compared");
    return;
  }
  it.form_a = required_text(ir, "form_a", limits::kCard);
  it.form_b = required_text(ir, "form_b", limits::kCard);
  for (const auto& [locale, a] : it.form_a.entries()) {
    const std::string* b = it.form_b.find(locale);
    if (!a.empty() && b != nullptr && *b == a) {
      ctx.report(
          item.offset(), Severity::Warning, codes::kSurveyTwinIdentical, ctx.pointer() + "/form_b",
          "forms A and B say the same thing in \"" + locale + "\"",
          "word form B differently (same meaning and strength), so that answering twice does not "
          "inflate the shift");
      break;
    }
  }
}

void report_duplicate_item(ReadContext& ctx, const JsonValue& item, const Survey& s,
                           const std::string& id) {
  if (id.empty() || s.find_item(id) == nullptr) return;
  ctx.report(item.offset(), Severity::Error, codes::kDuplicateId, ctx.pointer() + "/id",
             "another item or vignette already has the id \"" + id + "\"",
             "give each item and vignette its own id");
}

void read_statements(ReadContext& ctx, ObjectReader& r, Survey& s, std::vector<bool>& covered) {
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
    read_twins(ir, item, it);
    ir.finish();
    report_duplicate_item(ctx, item, s, it.id);
    s.items.push_back(std::move(it));
  });
}

void read_vignettes(ReadContext& ctx, ObjectReader& r, Survey& s) {
  const JsonValue* list = r.optional("vignettes");
  if (list == nullptr) return;
  int harmful = 0, benign = 0;
  for_each_item(r, list, "vignettes", [&](std::size_t, const JsonValue& item) {
    if (!r.expect_type(item, "", JsonType::Object)) return;
    ObjectReader ir(ctx, item, "a vignette");
    SurveyItem it;
    it.kind = SurveyItemKind::Vignette;
    it.loc = entity_loc(item.offset(), item.offset_of("id"));
    it.id = ir.required_id("id").value_or("");
    if (!ir.has("key")) {
      ctx.report(
          item.offset(), Severity::Error, codes::kVignetteKeyMissing, ctx.pointer() + "/key",
          "the vignette \"" + it.id + "\" has no \"key\", so no answer to it can be scored",
          "add \"key\": \"harmful\" (the right judgement is \"not OK\") or \"key\": \"benign\" "
          "(sharing that is fine, e.g. a group photo everyone agreed to)");
    } else if (auto k = ir.required_enum("key", {"harmful", "benign"})) {
      it.key = *k == "benign" ? VignetteKey::Benign : VignetteKey::Harmful;
      (it.key == VignetteKey::Benign ? benign : harmful) += 1;
    }
    read_twins(ir, item, it);
    ir.finish();
    report_duplicate_item(ctx, item, s, it.id);
    s.items.push_back(std::move(it));
  });
  if ((harmful == 0) != (benign == 0)) {
    const bool only_harmful = benign == 0;
    ctx.report(
        list->offset(), Severity::Warning, codes::kDiscernmentUnbalanced, "/vignettes",
        only_harmful
            ? "every vignette is harmful, so \"refuse everything\" would score as good judgement"
            : "every vignette is benign, so harm is never judged",
        only_harmful ? "add a benign vignette (sharing that is fine, e.g. a group photo everyone "
                       "agreed to post)"
                     : "add a harmful vignette");
  }
}

void report_missing_goals(ReadContext& ctx, const JsonValue& root,
                          const std::vector<bool>& covered) {
  const auto names = all_names<LearningGoal>();
  for (std::size_t g = 0; g < covered.size(); ++g) {
    if (covered[g]) continue;
    ctx.report(
        root.find("items")->offset(), Severity::Warning, codes::kSurveyGoalMissing, "/items",
        "no item measures the learning goal \"" + names[g] + "\"",
        "add an item with \"goal\": \"" + names[g] + "\" so the class's shift on it can be seen");
  }
}

}  // namespace

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
  read_statements(ctx, r, s, covered);
  if (!s.items.empty()) report_missing_goals(ctx, root, covered);
  read_vignettes(ctx, r, s);
  // The prompt is needed only when there is something to rate with it.
  if (!s.vignettes().empty()) {
    const JsonValue* v = r.required(
        "vignette_prompt",
        "add \"vignette_prompt\": {\"ko\": \"괜찮은 행동이다.\", \"en\": \"This is okay.\"}, "
        "the statement rated under each vignette");
    if (v) s.vignette_prompt = required_text(r, "vignette_prompt", limits::kLabel);
  } else {
    s.vignette_prompt = optional_text(r, "vignette_prompt", limits::kLabel);
  }
  r.finish();
  return s;
}

}  // namespace upstander
