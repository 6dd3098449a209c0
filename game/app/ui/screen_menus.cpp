// The screens around play: language, mode, scenario picker, content note, surveys, finish.
#include <algorithm>
#include <string>

#include "key_input.hpp"
#include "help_list.hpp"
#include "upstander/ui/layout.hpp"
#include "screens.hpp"
#include "upstander/ui/text_draw.hpp"

namespace upstander::app {

namespace {

float column_width(const Ui& ui) {
  return 720.0f * ui.s();
}

std::string digit(std::size_t i) {
  return std::to_string(i + 1);
}

}  // namespace

void draw_language(Ui& ui, ImVec2 a, ImVec2 b) {
  if (!ui::begin_region("language", a, b)) return ui::end_region();
  ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + 30.0f * ui.s()));
  {
    ui::Column col(ui, 560.0f * ui.s());
    // Both languages greet together: the student may not read the current one.
    col.title(ui.t("game.language.title"), "language-title");
    const auto langs = ui_languages(ui.m.library());
    for (std::size_t i = 0; i < langs.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      const std::string label = langs[i]->name;
      if (col.button("lang", label, digit(i), ui::ButtonKind::Primary)) {
        const std::string code = langs[i]->locale;
        ui.post([&m = ui.m, code] { m.choose_language(code); });
      }
      ImGui::PopID();
    }
    col.space(8);
    col.text(ui.t("game.language.later"), "language-later", ui.theme.text_muted, ui.fonts.small);
  }
  ui::end_region();
}

void draw_mode(Ui& ui, ImVec2 a, ImVec2 b) {
  if (!ui::begin_region("mode", a, b)) return ui::end_region();
  ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + 30.0f * ui.s()));
  {
    ui::Column col(ui, column_width(ui));
    col.title(ui.t("game.mode.title"), "mode-title");
    col.text(ui.t("game.mode.intro"), "mode-intro");
    if (col.button("solo", ui.t("game.mode.solo"), "1", ui::ButtonKind::Primary))
      ui.post([&m = ui.m] { m.choose_solo(); });
    col.text(ui.t("game.mode.solo_note"), "mode-solo-note", ui.theme.text_muted, ui.fonts.small);
    if (col.button("class", ui.t("game.mode.class"), "2"))
      ui.post([&m = ui.m] { m.choose_class(); });
    col.text(ui.t("game.mode.class_note"), "mode-class-note", ui.theme.text_muted, ui.fonts.small);
    if (ui.m.resumable_class()) {
      if (col.button("class-back", ui.t("game.mode.class_back", {{"name", ui.m.class_name()}}),
                     "3"))
        ui.post([&m = ui.m] { m.back_to_class(); });
    }
  }
  ui::end_region();
}

void draw_picker(Ui& ui, ImVec2 a, ImVec2 b) {
  if (!ui::begin_region("picker", a, b)) return ui::end_region();
  ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + 20.0f * ui.s()));
  {
    ui::Column col(ui, 820.0f * ui.s());
    col.title(ui.t("game.picker.title"), "picker-title");
    const auto offered = ui.m.offered_scenarios();
    if (offered.empty()) col.text(ui.t("game.picker.none"), "picker-none");
    for (std::size_t i = 0; i < offered.size(); ++i) {
      const Scenario* s = offered[i];
      ui::CardText card;
      card.title = ui.pick(s->title);
      card.meta = ui.t("game.picker.minutes", {{"minutes", std::to_string(s->minutes)}});
      if (s->review.status == ReviewStatus::Draft) card.meta += " · " + ui.t("game.picker.draft");
      card.summary = ui.pick(s->summary);
      card.note = ui.t("game.picker.note", {{"note", ui.pick(s->content_note)}});
      ImGui::PushID(static_cast<int>(i));
      ImGui::SetCursorScreenPos(ImVec2(col.x(), col.y()));
      if (ui::card_button(ui, "scenario", card, i < 9 ? digit(i) : "", col.width())) {
        ui.post([&m = ui.m, i] { m.pick_scenario(i); });
      }
      col.space((ImGui::GetItemRectMax().y - col.y()) / ui.s() + 12.0f);
      ImGui::PopID();
    }
  }
  ui::end_region();
}

void draw_content_note(Ui& ui, ImVec2 a, ImVec2 b) {
  const Scenario* s = ui.m.picked();
  if (!s) return;
  if (!ui::begin_region("note", a, b)) return ui::end_region();
  ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + 24.0f * ui.s()));
  {
    ui::Column col(ui, column_width(ui));
    col.title(ui.pick(s->title), "note-title");
    col.card(ui.t("game.note.heading"), ui.pick(s->content_note), ui.theme.calm, "note-text");
    col.text(ui.t("game.note.choice"), "note-choice");
    if (col.button("play", ui.t("game.note.play"), "1", ui::ButtonKind::Primary))
      ui.post([&m = ui.m] { m.note_play(); });
    if (col.button("other", ui.t("game.note.other"), "2")) ui.post([&m = ui.m] { m.note_other(); });
    if (col.button("sitout", ui.t("game.note.sit_out"), "3"))
      ui.post([&m = ui.m] { m.note_sit_out(); });
    col.text(ui.t("game.note.always"), "note-always", ui.theme.text_muted, ui.fonts.small);
  }
  ui::end_region();
}

void draw_survey(Ui& ui, ImVec2 a, ImVec2 b) {
  const Survey* sv = ui.m.survey();
  if (!sv || ui.m.survey_index() >= sv->items.size()) return;
  const SurveyForm form = ui.m.survey_form();
  const SurveyItem& item = sv->items[ui.m.survey_index()];
  if (!ui::begin_region("survey", a, b)) return ui::end_region();
  ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + 20.0f * ui.s()));
  {
    ui::Column col(ui, 860.0f * ui.s());
    col.title(ui.pick(sv->title), "survey-title");
    // The intro follows the phase, not the form: half the class sees form B first. The
    // survey's own intro speaks of the teacher; solo, nothing goes to one.
    const bool pre = ui.m.survey_phase() == SurveyPhase::Pre;
    const std::string intro =
        ui.m.in_class() ? ui.pick(pre ? sv->intro_pre : sv->intro_post)
                        : ui.t(pre ? "game.survey.solo_intro_pre" : "game.survey.solo_intro_post");
    col.text(intro, "survey-intro", ui.theme.text_muted);
    col.text(ui.t("game.survey.progress", {{"n", std::to_string(ui.m.survey_index() + 1)},
                                           {"total", std::to_string(sv->items.size())}}),
             "survey-progress", ui.theme.text_muted, ui.fonts.small);
    col.card("", ui.pick(item.text(form)), ui.theme.card, "survey-item");
    // A vignette is a situation; what is rated is the prompt under it ("This is okay.").
    if (item.is_vignette()) col.text(ui.pick(sv->vignette_prompt), "survey-vignette-prompt");
    std::vector<std::string> labels, keys;
    for (int v = 1; v <= 5; ++v) {
      labels.push_back(std::to_string(v));
      keys.push_back("");
    }
    const int pressed = col.button_row("scale", labels, keys);
    if (pressed >= 0) ui.post([&m = ui.m, pressed] { m.survey_answer(pressed + 1); });
    // The ends of the scale, under 1 and under 5.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::string lo = "1 = " + ui.pick(sv->min_label);
    const std::string hi = "5 = " + ui.pick(sv->max_label);
    ui::draw_text(ui, dl, ui.fonts.small, ImVec2(col.x(), col.y()), ui.theme.text_muted, lo, 0.0f,
                  "survey-min", 0.0f, col.width() * 0.49f);
    const float hw = ui::measure(ui, ui.fonts.small, hi).x;
    ui::draw_text(ui, dl, ui.fonts.small, ImVec2(col.x() + col.width() - hw, col.y()),
                  ui.theme.text_muted, hi, 0.0f, "survey-max", 0.0f, col.width() * 0.49f);
    col.space(34);
    if (col.button("skipq", ui.t("game.survey.skip_item"), hint::kSkip, ui::ButtonKind::Quiet)) {
      ui.post([&m = ui.m] { m.skip(); });
    }
    if (col.button("skipall", ui.t("game.survey.skip_all"), hint::kSkipSurvey,
                   ui::ButtonKind::Quiet)) {
      ui.post([&m = ui.m] { m.survey_skip_all(); });
    }
    // Solo, nothing leaves the device: say so rather than imply a teacher will see it.
    col.text(ui.t(ui.m.in_class() ? "game.survey.anonymous" : "game.survey.solo"),
             "survey-anonymous", ui.theme.text_muted, ui.fonts.small);
  }
  ui::end_region();
}

void draw_finish(Ui& ui, ImVec2 a, ImVec2 b) {
  if (!ui::begin_region("finish", a, b)) return ui::end_region();
  ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + 20.0f * ui.s()));
  {
    ui::Column col(ui, 820.0f * ui.s());
    const char* key = "game.finish.completed";
    if (ui.m.finish_reason() == FinishReason::SatOut) key = "game.finish.sat_out";
    if (ui.m.finish_reason() == FinishReason::Left) key = "game.finish.left";
    col.title(ui.t(std::string(key) + ".title"), "finish-title");
    col.text(ui.t(std::string(key) + ".text"), "finish-text");
    const int pressed = col.button_row(
        "finish", {ui.t("game.finish.another"), ui.t("game.finish.quit")}, {"1", "2"});
    if (pressed == 0) ui.post([&m = ui.m] { m.play_another(); });
    if (pressed == 1) ui.post([&m = ui.m] { m.quit(); });
    col.space(6);
    col.title(ui.t("game.help.title"), "finish-help-title");
    help_list(ui, col, ui.m.help());
  }
  ui::end_region();
}

}  // namespace upstander::app
