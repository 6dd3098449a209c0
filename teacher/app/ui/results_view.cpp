// The results column.
#include "results_view.hpp"

#include <algorithm>

#include "cell_words.hpp"
#include "charts.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/ui/widgets.hpp"

namespace upstander::dashboard {

using ui::draw_text;
using ui::measure;

std::string point_title(const DashUi& ui, const ScenarioResults& sc, const Decision& d) {
  if (!d.title.empty()) return d.title;
  if (const GuidePoint* g = ui.d.guide().find(sc.id, d.node)) return g->heading;
  return sc.id + " / " + d.node;
}

namespace {

// One chart in a card with a heading; `measure_only` computes the height without drawing.
float chart_card(DashUi& ui, ImVec2 pos, float w, const std::string& heading, const Row& row, int k,
                 const std::string& where, bool outcomes, bool measure_only) {
  const float pad = 14.0f * ui.s();
  const float inner = w - 2 * pad;
  BarStyle style;
  style.outcome_colours = outcomes;
  style.label_font = ui.fonts.small;
  const float hh = measure(ui, ui.fonts.body, heading, inner).y;
  const float h = hh + 10.0f * ui.s() + bar_chart_height(ui, inner, row, style) + 2 * pad;
  if (measure_only) return h;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ui::panel(ui, dl, pos, ImVec2(pos.x + w, pos.y + h), ui.theme.card, ui.theme.card_border);
  draw_text(ui, dl, ui.fonts.body, ImVec2(pos.x + pad, pos.y + pad), ui.theme.text, heading, inner,
            (where + "/heading").c_str());
  bar_chart(ui, ImVec2(pos.x + pad, pos.y + pad + hh + 10.0f * ui.s()), inner, row, k, where,
            style);
  return h;
}

}  // namespace

float results_view(DashUi& ui, const Summary& s, float width, const char* where) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ui::Theme& t = ui.theme;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  ImVec2 p = start;
  const float gap = 16.0f * ui.s();
  const int columns = width > 900.0f * ui.s() ? 2 : 1;
  const float col_w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  const std::string base = where;

  p.y += section_heading(ui, p, width, ui.t("teacher.live.stages"), "stages-heading");
  p.y += stage_strip(ui, p, width, s.stages, s.k) + gap;
  // What "fewer than k" and "hidden" mean, said once for every chart below.
  p.y += draw_text(ui, dl, ui.fonts.small, p, t.text_muted, privacy_legend(s.k, ui.d.text()), width,
                   "privacy-legend")
             .y +
         gap;
  if (!s.session.collect) {
    p.y += draw_text(ui, dl, ui.fonts.body, p, t.text_muted, ui.t("teacher.live.not_collecting"),
                     width, "not-collecting")
               .y +
           gap;
  }
  for (const auto& sc : s.scenarios) {
    p.y += section_heading(ui, p, width, sc.title, "scenario-title");
    const std::string progress = ui.t(
        "teacher.live.progress",
        {{"playing",
          sc.progress.cells.size() > 0 ? cell_words(sc.progress.cells[0], s.k, ui.d.text()) : ""},
         {"finished",
          sc.progress.cells.size() > 1 ? cell_words(sc.progress.cells[1], s.k, ui.d.text()) : ""}});
    p.y += draw_text(ui, dl, ui.fonts.small, p, t.text_muted, progress, width,
                     (base + "/" + sc.id + "/progress").c_str())
               .y +
           8.0f * ui.s();
    // Decision points, `columns` a row; a row is as tall as its tallest card.
    for (std::size_t i = 0; i < sc.decisions.size(); i += static_cast<std::size_t>(columns)) {
      float row_h = 0.0f;
      for (int c = 0; c < columns && i + static_cast<std::size_t>(c) < sc.decisions.size(); ++c) {
        const Decision& d = sc.decisions[i + static_cast<std::size_t>(c)];
        const std::string heading =
            ui.t("teacher.live.point", {{"n", std::to_string(i + static_cast<std::size_t>(c) + 1)},
                                        {"name", point_title(ui, sc, d)}});
        const ImVec2 cp(p.x + static_cast<float>(c) * (col_w + gap), p.y);
        row_h = std::max(row_h, chart_card(ui, cp, col_w, heading, d.row, s.k,
                                           base + "/" + sc.id + "/" + d.node, false, false));
      }
      p.y += row_h + gap;
    }
    // Each ending with its outcome's name, so a story whose player is targeted reads
    // "supported" / "not yet supported", never "harm".
    const Row endings = endings_with_outcomes(sc.endings, ui.d.text());
    p.y += chart_card(ui, p, width, ui.t("teacher.live.endings"), endings, s.k,
                      base + "/" + sc.id + "/endings", true, false) +
           gap;
    if (sc.skipped) {
      const std::string line =
          ui.t("teacher.live.skipped", {{"count", cell_words(*sc.skipped, s.k, ui.d.text())}});
      p.y += draw_text(ui, dl, ui.fonts.small, p, t.text_muted, line, width,
                       (base + "/" + sc.id + "/skipped").c_str())
                 .y +
             gap;
    }
    for (const auto& r : sc.reflections) {
      if (r.scale) {
        const std::string line =
            ui.t("teacher.live.scale",
                 {{"question", r.question}, {"mean", mean_words(r.value, s.k, ui.d.text())}});
        p.y += draw_text(ui, dl, ui.fonts.body, p, t.text, line, width,
                         (base + "/" + sc.id + "/" + r.node).c_str())
                   .y +
               gap;
      } else {
        p.y += chart_card(ui, p, width, r.question, r.row, s.k, base + "/" + sc.id + "/" + r.node,
                          false, false) +
               gap;
      }
      if (r.skipped) {
        const std::string line = ui.t("teacher.live.question_skipped",
                                      {{"count", cell_words(*r.skipped, s.k, ui.d.text())}});
        p.y += draw_text(ui, dl, ui.fonts.small, p, t.text_muted, line, width,
                         (base + "/" + sc.id + "/" + r.node + "/skipped").c_str())
                   .y +
               gap;
      }
    }
  }
  if (!s.survey.empty()) {
    p.y += section_heading(ui, p, width, ui.t("teacher.live.survey"), "survey-heading");
    p.y += survey_shift(ui, p, width, s) + gap;
  }
  ImGui::SetCursorScreenPos(start);
  ImGui::Dummy(ImVec2(width, p.y - start.y));
  return p.y - start.y;
}

}  // namespace upstander::dashboard
