// Debrief mode for the projector: one decision point at a time, a big chart, the guide's
// questions for it, and the social-norm line, which the teacher previews and then reveals.
#include <algorithm>

#include "charts.hpp"
#include "dashboard_screens.hpp"
#include "upstander/ui/layout.hpp"
#include "norm_line.hpp"
#include "results_view.hpp"
#include "upstander/ui/shapes.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/ui/widgets.hpp"

namespace upstander::dashboard {

using ui::ButtonKind;
using ui::draw_text;
using ui::measure;

namespace {

// The norm line's box: revealed (large, for the class), previewed (small, marked as not
// yet shown) or covered.
void norm_box(DashUi& ui, ImVec2 a, float w, const std::optional<NormLine>& line, bool revealed,
              bool preview) {
  const ui::Theme& t = ui.theme;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float pad = 16.0f * ui.s();
  std::string text;
  ImFont* f = ui.fonts.title;
  ImU32 fill = t.calm;
  std::string head;
  if (revealed) {
    text = line ? norm_sentence(*line, ui.d.text()) : ui.t("teacher.norm.none");
  } else if (preview) {
    head = ui.t("teacher.debrief.preview_head");
    text = line ? norm_sentence(*line, ui.d.text()) : ui.t("teacher.norm.none");
    // A harmful majority: the teacher learns why Reveal shows who chose otherwise.
    if (line && line->harmful) text = norm_warning(*line, ui.d.text()) + "\n\n" + text;
    f = ui.fonts.body;
    fill = t.hint_bg;
  } else {
    text = ui.t("teacher.debrief.covered");
    f = ui.fonts.body;
    fill = t.panel;
  }
  const float hh =
      head.empty() ? 0.0f : measure(ui, ui.fonts.small, head, w - 2 * pad).y + 4.0f * ui.s();
  const float th = measure(ui, f, text, w - 2 * pad).y;
  const ImVec2 b(a.x + w, a.y + hh + th + 2 * pad);
  ui::panel(ui, dl, a, b, fill, revealed ? t.accent : t.panel_border);
  if (!head.empty())
    draw_text(ui, dl, ui.fonts.small, ImVec2(a.x + pad, a.y + pad), t.text_muted, head, w - 2 * pad,
              "norm-preview-head");
  draw_text(ui, dl, f, ImVec2(a.x + pad, a.y + pad + hh), t.text, text, w - 2 * pad,
            revealed ? "norm-revealed" : (preview ? "norm-preview" : "norm-covered"));
}

}  // namespace

void draw_debrief(DashUi& ui, ImVec2 a, ImVec2 b) {
  Dashboard& d = ui.d;
  const auto points = d.debrief_points();
  const float pad = 28.0f * ui.s();
  const float bar_h = button_bar_height(ui) + 32.0f * ui.s();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ui::Theme& t = ui.theme;
  if (points.empty() || !d.live()) {
    draw_text(ui, dl, ui.fonts.body, ImVec2(a.x + pad, a.y + pad), t.text_muted,
              ui.t("teacher.debrief.empty"), b.x - a.x - 2 * pad, "debrief-empty");
    return;
  }
  const Summary& s = *d.live();
  const std::size_t index = std::min(d.debrief_index(), points.size() - 1);
  const DebriefPoint& p = points[index];
  const ScenarioResults& sc = s.scenarios[p.scenario];
  const Decision& dec = sc.decisions[p.decision];
  const float width = b.x - a.x - 2 * pad;
  const float chart_w = std::floor(width * 0.6f);
  const float side_x = a.x + pad + chart_w + pad;
  const float side_w = width - chart_w - pad;

  float y = a.y + pad * 0.75f;
  const std::string where_label =
      ui.t("teacher.debrief.position", {{"n", std::to_string(index + 1)},
                                        {"total", std::to_string(points.size())},
                                        {"scenario", sc.title}});
  y += draw_text(ui, dl, ui.fonts.small, ImVec2(a.x + pad, y), t.text_muted, where_label, width,
                 "debrief-position")
           .y;
  y += 6.0f * ui.s();
  y += draw_text(ui, dl, ui.fonts.title, ImVec2(a.x + pad, y), t.text, point_title(ui, sc, dec),
                 width, "debrief-title")
           .y;
  y += 18.0f * ui.s();

  // The chart, large.
  BarStyle big;
  big.label_font = ui.fonts.body;
  big.value_font = ui.fonts.title;
  big.bar_height = ui.fonts.title->FontSize + 18.0f * ui.s();
  const std::string key = sc.id + "/" + dec.node;
  const float ch =
      bar_chart(ui, ImVec2(a.x + pad, y), chart_w, dec.row, s.k, "debrief/" + key, big);

  // The norm line under the chart.
  const auto line = norm_line(dec.row, s.k);
  norm_box(ui, ImVec2(a.x + pad, y + ch + 16.0f * ui.s()), chart_w, line, d.revealed(),
           d.preview());

  // The guide's questions beside it, in the dashboard language.
  if (ui::begin_region("debrief-questions", ImVec2(side_x, y),
                       ImVec2(side_x + side_w, b.y - bar_h))) {
    const float w = side_w - 16.0f * ui.s();
    ImVec2 q = ImGui::GetCursorScreenPos();
    ImDrawList* qdl = ImGui::GetWindowDrawList();
    q.y += section_heading(ui, q, w, ui.t("teacher.debrief.questions"), "debrief-questions");
    const GuidePoint* g = d.guide().find(sc.id, dec.node);
    if (!g || g->questions.empty()) {
      q.y += draw_text(ui, qdl, ui.fonts.body, q, t.text_muted,
                       ui.t("teacher.debrief.no_questions"), w, "debrief-no-questions")
                 .y;
    } else {
      for (const auto& question : g->questions) {
        ui::fill_circle(qdl, ImVec2(q.x + 5.0f * ui.s(), q.y + ui.fonts.body->FontSize * 0.55f),
                        3.5f * ui.s(), t.accent);
        q.y += draw_text(ui, qdl, ui.fonts.body, ImVec2(q.x + 18.0f * ui.s(), q.y), t.text,
                         question, w - 18.0f * ui.s(), "debrief-question")
                   .y +
               12.0f * ui.s();
      }
    }
    ImGui::Dummy(ImVec2(w, q.y - ImGui::GetCursorScreenPos().y));
  }
  ui::end_region();

  const std::vector<BarItem> items = {
      {"debrief-live", ui.t("teacher.debrief.to_live"), ButtonKind::Quiet},
      {"debrief-prev", ui.t("teacher.debrief.previous"), ButtonKind::Normal, index > 0},
      {"debrief-preview",
       ui.t(d.preview() ? "teacher.debrief.hide_preview" : "teacher.debrief.preview"),
       ButtonKind::Normal, !d.revealed()},
      {"debrief-reveal", ui.t("teacher.debrief.reveal"), ButtonKind::Primary, !d.revealed()},
      {"debrief-next", ui.t("teacher.debrief.next"), ButtonKind::Normal, index + 1 < points.size()},
  };
  const int pressed = button_bar(ui, ImVec2(a.x + 16.0f * ui.s(), b.y - bar_h + 16.0f * ui.s()),
                                 items, b.x - a.x - 32.0f * ui.s(), true);
  if (pressed == 0) ui.post([&d] { d.show_screen(Screen::Live); });
  if (pressed == 1) ui.post([&d] { d.previous_point(); });
  if (pressed == 2) ui.post([&d] { d.toggle_preview(); });
  if (pressed == 3) ui.post([&d] { d.reveal(); });
  if (pressed == 4) ui.post([&d] { d.next_point(); });
}

}  // namespace upstander::dashboard
