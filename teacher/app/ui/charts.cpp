// Bars, strips and dot plots.
#include "charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "cell_words.hpp"
#include "upstander/ui/shapes.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/ui/widgets.hpp"

namespace upstander::dashboard {

using ui::draw_text;
using ui::fill_rounded;
using ui::measure;

ImU32 outcome_colour(const ui::Theme& t, const std::string& outcome) {
  // A targeted player's "not yet supported" is never harm's red: it is help still to come.
  const bool good = outcome == "upstander" || outcome == "supported";
  if (t.high_contrast) {
    if (good) return IM_COL32(0, 230, 120, 255);
    if (outcome == "harm") return IM_COL32(255, 120, 120, 255);
    if (outcome == "not_yet_supported" || outcome == "skipped") return IM_COL32(170, 190, 255, 255);
    return IM_COL32(255, 200, 0, 255);
  }
  if (good) return IM_COL32(58, 150, 110, 255);
  if (outcome == "harm") return IM_COL32(190, 96, 84, 255);
  if (outcome == "not_yet_supported" || outcome == "skipped") return IM_COL32(120, 128, 176, 255);
  return IM_COL32(214, 160, 60, 255);
}

namespace {

float label_width(float width) {
  return std::floor(width * 0.42f);
}

float row_height(const DashUi& ui, ImFont* f, float label_w, const Cell& c, float bar_h) {
  const float th = measure(ui, f, c.text.empty() ? c.id : c.text, label_w).y;
  return std::max(th, bar_h) + 10.0f * ui.s();
}

// A placeholder where a bar would be: dashed for "fewer than k", hatched for "hidden".
void suppressed_pill(DashUi& ui, ImDrawList* dl, ImVec2 a, ImVec2 b, const Cell& c, int k,
                     ImFont* f, const std::string& where) {
  const ui::Theme& t = ui.theme;
  const ImU32 line = t.high_contrast ? t.text : t.text_muted;
  const std::string words = cell_words(c, k, ui.d.text());
  const float w = std::min(b.x - a.x, measure(ui, f, words).x + 24.0f * ui.s());
  const ImVec2 e(a.x + w, b.y);
  if (c.shown == Shown::Hidden) {
    dl->PushClipRect(a, e, true);
    for (float x = a.x - (b.y - a.y); x < e.x; x += 9.0f * ui.s())
      dl->AddLine(ImVec2(x, b.y), ImVec2(x + (b.y - a.y), a.y), ui::mix(line, t.panel, 0.6f), 1.0f);
    dl->PopClipRect();
    dl->AddRect(a, e, line, 4.0f, 0, 1.0f);
  } else {
    // Dashes as pixel-aligned rectangles: the renderer fills those directly, where each
    // anti-aliased line would be a handful of triangles (a class's chart has hundreds).
    const float th = std::max(1.0f, std::round(1.5f * ui.s()));
    const ImVec2 o(std::round(a.x), std::round(a.y)), f2(std::round(e.x), std::round(b.y));
    for (float x = o.x; x < f2.x; x += std::round(10.0f * ui.s())) {
      const float x1 = std::min(x + std::round(5.0f * ui.s()), f2.x);
      dl->AddRectFilled(ImVec2(x, o.y), ImVec2(x1, o.y + th), line);
      dl->AddRectFilled(ImVec2(x, f2.y - th), ImVec2(x1, f2.y), line);
    }
    dl->AddRectFilled(o, ImVec2(o.x + th, f2.y), line);
    dl->AddRectFilled(ImVec2(f2.x - th, o.y), f2, line);
  }
  const ImVec2 ts = measure(ui, f, words);
  draw_text(ui, dl, f, ImVec2(a.x + 12.0f * ui.s(), a.y + (b.y - a.y - ts.y) * 0.5f), t.text, words,
            0.0f, where.c_str(), 0.0f, b.x - a.x);
}

}  // namespace

float bar_chart_height(const DashUi& ui, float width, const Row& row, const BarStyle& style) {
  ImFont* lf = style.label_font ? style.label_font : ui.fonts.body;
  ImFont* vf = style.value_font ? style.value_font : ui.fonts.body;
  const float bar_h = style.bar_height > 0 ? style.bar_height : vf->FontSize + 12.0f * ui.s();
  float h = 0.0f;
  for (const auto& c : row.cells) h += row_height(ui, lf, label_width(width), c, bar_h);
  const std::string note = row_note(row, ui.d.text());
  if (!note.empty()) h += measure(ui, ui.fonts.small, note, width).y + 4.0f * ui.s();
  return h + ui.fonts.small->FontSize + 6.0f * ui.s();
}

float bar_chart(DashUi& ui, ImVec2 pos, float width, const Row& row, int k,
                const std::string& where, const BarStyle& style) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ui::Theme& t = ui.theme;
  ImFont* lf = style.label_font ? style.label_font : ui.fonts.body;
  ImFont* vf = style.value_font ? style.value_font : ui.fonts.body;
  const float bar_h = style.bar_height > 0 ? style.bar_height : vf->FontSize + 12.0f * ui.s();
  const float lw = label_width(width);
  const float gap = 14.0f * ui.s();
  const float bx = pos.x + lw + gap;
  const float bw = width - lw - gap;
  // Bars are fractions of the published total; with none, of the largest published cell.
  std::int64_t denom = row.total.count.value_or(0);
  for (const auto& c : row.cells) denom = std::max(denom, c.count.value_or(0));
  float y = pos.y;
  for (const auto& c : row.cells) {
    const std::string label = c.text.empty() ? c.id : c.text;
    const float rh = row_height(ui, lf, lw, c, bar_h);
    const std::string box = where + "/" + c.id;
    draw_text(ui, dl, lf, ImVec2(pos.x, y), t.text, label, lw, (box + "/label").c_str());
    const ImVec2 a(bx, y + 1.0f);
    const ImVec2 b(bx + bw, y + bar_h);
    if (c.count) {
      const std::string value = cell_words(c, k, ui.d.text());
      const float vw = measure(ui, vf, value).x + 10.0f * ui.s();
      const float room = bw - vw;
      const float len =
          denom > 0 ? room * static_cast<float>(*c.count) / static_cast<float>(denom) : 0.0f;
      const ImU32 fill = style.outcome_colours ? outcome_colour(t, c.outcome) : t.accent;
      fill_rounded(dl, a, ImVec2(a.x + std::max(len, 2.0f), b.y), fill, 4.0f);
      draw_text(ui, dl, vf, ImVec2(a.x + len + 8.0f * ui.s(), a.y + (bar_h - vf->FontSize) * 0.5f),
                t.text, value, 0.0f, box.c_str(), 0.0f, vw + 2.0f);
    } else {
      suppressed_pill(ui, dl, a, b, c, k, ui.fonts.small, box);
    }
    y += rh;
  }
  const std::string total =
      ui.t("teacher.chart.total", {{"total", cell_words(row.total, k, ui.d.text())}});
  draw_text(ui, dl, ui.fonts.small, ImVec2(bx, y), t.text_muted, total, 0.0f,
            (where + "/(total)").c_str(), 0.0f, bw);
  y += ui.fonts.small->FontSize + 6.0f * ui.s();
  // Where the counts cannot be shown, say in words what can: nobody yet, or the majority.
  const std::string note = row_note(row, ui.d.text());
  if (!note.empty())
    y += draw_text(ui, dl, ui.fonts.small, ImVec2(pos.x, y), t.text, note, width,
                   (where + "/(note)").c_str())
             .y +
         4.0f * ui.s();
  return y - pos.y;
}

float stage_strip(DashUi& ui, ImVec2 pos, float width, const Row& stages, int k) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ui::Theme& t = ui.theme;
  const float n = static_cast<float>(std::max<std::size_t>(1, stages.cells.size()));
  const float gap = 10.0f * ui.s();
  const float w = (width - gap * (n - 1.0f)) / n;
  const float h = ui.fonts.small->FontSize + ui.fonts.title->FontSize + 30.0f * ui.s();
  float x = pos.x;
  for (const auto& c : stages.cells) {
    const ImVec2 a(x, pos.y), b(x + w, pos.y + h);
    ui::panel(ui, dl, a, b, t.card, t.card_border);
    const std::string name = ui.t("teacher.stage." + c.id);
    draw_text(ui, dl, ui.fonts.small, ImVec2(a.x + 10.0f * ui.s(), a.y + 8.0f * ui.s()),
              t.text_muted, name, 0.0f, "stage-name", 0.0f, w - 20.0f * ui.s());
    const std::string value = cell_words(c, k, ui.d.text());
    ImFont* f = c.count ? ui.fonts.title : ui.fonts.small;
    draw_text(ui, dl, f, ImVec2(a.x + 10.0f * ui.s(), b.y - f->FontSize - 10.0f * ui.s()),
              c.count ? t.accent : t.text, value, 0.0f, ("stage/" + c.id).c_str(), 0.0f,
              w - 20.0f * ui.s());
    x += w + gap;
  }
  return h;
}

namespace {

// A keyed value (a goal's mean, a discernment score) or the word for a hidden one.
std::string keyed_words(const std::optional<double>& v, const DashboardText& text) {
  if (!v) return text("teacher.cell.hidden");
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", *v);
  return buf;
}

const char* good_key(const SurveyResult& item, bool vignette) {
  if (vignette)
    return item.disagree_is_good ? "teacher.survey.good_not_ok" : "teacher.survey.good_ok";
  return item.disagree_is_good ? "teacher.survey.good_disagree" : "teacher.survey.good_agree";
}

// One statement or vignette as students saw it (form A; form B is its matched twin), which
// answer is the good one, and the class's raw answers before (grey) and after (coloured)
// on the 1-5 axis students answered on, with the good end of the axis marked.
float question_row(DashUi& ui, ImVec2 pos, float width, const SurveyResult& item, int k,
                   bool vignette) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ui::Theme& t = ui.theme;
  const float text_w = std::floor(width * 0.45f);
  const float plot_x = pos.x + text_w + 20.0f * ui.s();
  const float value_w = 170.0f * ui.s();
  const float plot_w = width - text_w - 40.0f * ui.s() - value_w;
  const ImU32 before =
      t.high_contrast ? IM_COL32(200, 200, 200, 255) : IM_COL32(150, 158, 172, 255);
  const std::string id = (vignette ? "vignette/" : "survey/") + item.id;
  const std::string good = ui.t(good_key(item, vignette));
  float th =
      draw_text(ui, dl, ui.fonts.small, pos, t.text, item.text_a, text_w, (id + "/text").c_str()).y;
  th += draw_text(ui, dl, ui.fonts.small, ImVec2(pos.x, pos.y + th),
                  item.disagree_is_good ? t.accent : t.text_muted, good, text_w,
                  (id + "/good").c_str())
            .y;
  const float cy = pos.y + ui.fonts.body->FontSize * 0.6f;
  dl->AddRectFilled(ImVec2(plot_x, cy - 1.0f), ImVec2(plot_x + plot_w, cy + 1.0f), t.panel_border);
  // The good end: the last quarter of the axis on the side of the good answer.
  const float g0 = item.disagree_is_good ? plot_x : plot_x + plot_w * 0.75f;
  dl->AddRectFilled(ImVec2(g0, cy - 2.0f), ImVec2(g0 + plot_w * 0.25f, cy + 2.0f), t.accent);
  for (int v = 1; v <= 5; ++v) {
    const float x = plot_x + plot_w * static_cast<float>(v - 1) / 4.0f;
    dl->AddLine(ImVec2(x, cy - 5.0f), ImVec2(x, cy + 5.0f), t.panel_border, 1.5f);
  }
  const auto at = [&](double m) { return plot_x + plot_w * static_cast<float>((m - 1.0) / 4.0); };
  if (item.pre_raw) ui::fill_circle(dl, ImVec2(at(*item.pre_raw), cy), 7.0f * ui.s(), before);
  if (item.post_raw) ui::fill_circle(dl, ImVec2(at(*item.post_raw), cy), 8.0f * ui.s(), t.accent);
  const MeanValue pre{item.pre.n, item.pre_raw}, post{item.post.n, item.post_raw};
  std::string value = ui.t("teacher.survey.values", {{"before", mean_words(pre, k, ui.d.text())},
                                                     {"after", mean_words(post, k, ui.d.text())}});
  if (item.shift)
    value += "\n" + ui.t("teacher.survey.toward_good", {{"shift", shift_words(item.shift)}});
  const float vh =
      draw_text(ui, dl, ui.fonts.small, ImVec2(plot_x + plot_w + 20.0f * ui.s(), pos.y), t.text,
                value, value_w, id.c_str())
          .y;
  return std::max({th, vh, ui.fonts.body->FontSize * 2.0f}) + 14.0f * ui.s();
}

// Per goal: the keyed mean before and after (higher is better on every goal).
float goal_rows(DashUi& ui, ImVec2 pos, float width, const Summary& s) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float y = pos.y;
  y += draw_text(ui, dl, ui.fonts.body, ImVec2(pos.x, y), ui.theme.text,
                 ui.t("teacher.survey.goals"), width, "survey-goals")
           .y +
       6.0f * ui.s();
  for (const auto& g : s.survey_goals) {
    std::string line =
        ui.t("teacher.survey.goal_line", {{"goal", ui.t("teacher.goal." + g.goal)},
                                          {"before", keyed_words(g.pre, ui.d.text())},
                                          {"after", keyed_words(g.post, ui.d.text())}});
    if (g.shift) line += "  " + shift_words(g.shift);
    y += draw_text(ui, dl, ui.fonts.small, ImVec2(pos.x, y), ui.theme.text, line, width,
                   ("goal/" + g.goal).c_str())
             .y +
         4.0f * ui.s();
  }
  return y - pos.y;
}

float discernment_rows(DashUi& ui, ImVec2 pos, float width, const Summary& s) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const DiscernmentResult& d = *s.discernment;
  float y = pos.y + 8.0f * ui.s();
  y += draw_text(ui, dl, ui.fonts.body, ImVec2(pos.x, y), ui.theme.text,
                 ui.t("teacher.survey.discernment"), width, "discernment-heading")
           .y +
       4.0f * ui.s();
  std::string score = ui.t(
      "teacher.survey.discernment_score",
      {{"before", keyed_words(d.pre, ui.d.text())}, {"after", keyed_words(d.post, ui.d.text())}});
  if (d.shift) score += "  " + shift_words(d.shift);
  y += draw_text(ui, dl, ui.fonts.body, ImVec2(pos.x, y), ui.theme.accent, score, width,
                 "discernment-score")
           .y;
  y += draw_text(ui, dl, ui.fonts.small, ImVec2(pos.x, y), ui.theme.text_muted,
                 ui.t("teacher.survey.discernment_note"), width, "discernment-note")
           .y +
       8.0f * ui.s();
  for (const auto& v : d.vignettes) y += question_row(ui, ImVec2(pos.x, y), width, v, s.k, true);
  return y - pos.y;
}

}  // namespace

float survey_shift(DashUi& ui, ImVec2 pos, float width, const Summary& s) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float y = pos.y;
  for (const auto& item : s.survey)
    y += question_row(ui, ImVec2(pos.x, y), width, item, s.k, false);
  const std::string legend = ui.t("teacher.survey.legend");
  y += draw_text(ui, dl, ui.fonts.small, ImVec2(pos.x, y), ui.theme.text_muted, legend, width,
                 "survey-legend")
           .y;
  if (!s.survey_goals.empty())
    y += 10.0f * ui.s() + goal_rows(ui, ImVec2(pos.x, y + 10.0f * ui.s()), width, s);
  if (s.discernment) y += discernment_rows(ui, ImVec2(pos.x, y), width, s);
  return y - pos.y;
}

float section_heading(DashUi& ui, ImVec2 pos, float width, const std::string& text,
                      const char* where) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 size = draw_text(ui, dl, ui.fonts.title, pos, ui.theme.text, text, width, where);
  const float y = pos.y + size.y + 4.0f * ui.s();
  // A thin rectangle, not AddLine: long thin lines lose pieces on SDL's software renderer.
  dl->AddRectFilled(ImVec2(pos.x, y), ImVec2(pos.x + width, y + 1.0f), ui.theme.panel_border);
  return size.y + 12.0f * ui.s();
}

bool check_box(DashUi& ui, const char* id, const std::string& label, bool on, float width) {
  const float box = ui.fonts.body->FontSize + 4.0f * ui.s();
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float text_w = width - box - 12.0f * ui.s();
  const float h = std::max(box, measure(ui, ui.fonts.body, label, text_w).y) + 8.0f * ui.s();
  const ImGuiID gid = ImGui::GetID(id);
  bool pressed = ImGui::InvisibleButton(id, ImVec2(width, h));
  if (ui.controls) ui.controls->add(label, "", pos, ImVec2(pos.x + width, pos.y + h));
  ui.focus.order.push_back(gid);
  if (pressed) {
    ui.focus.focused = gid;
    ui.focus.visible = false;
  }
  const bool focused = ui.focus.visible && ui.focus.focused == gid;
  if (focused && ui.focus.activate && !ui.focus.activated) {
    ui.focus.activated = true;
    pressed = true;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ui::Theme& t = ui.theme;
  const ImVec2 a(pos.x, pos.y + 4.0f * ui.s());
  const ImVec2 b(a.x + box, a.y + box);
  fill_rounded(dl, a, b, on ? t.accent : t.button, 4.0f);
  dl->AddRect(a, b, on ? t.accent : t.button_border, 4.0f, 0, 1.5f);
  if (on) {
    const ImU32 mark = t.accent_text;
    dl->AddLine(ImVec2(a.x + box * 0.22f, a.y + box * 0.52f),
                ImVec2(a.x + box * 0.42f, a.y + box * 0.72f), mark, 2.5f);
    dl->AddLine(ImVec2(a.x + box * 0.42f, a.y + box * 0.72f),
                ImVec2(a.x + box * 0.78f, a.y + box * 0.28f), mark, 2.5f);
  }
  if (focused)
    dl->AddRect(ImVec2(pos.x - 3, pos.y - 1), ImVec2(pos.x + width + 3, pos.y + h + 1),
                t.focus_ring, 6.0f, 0, 3.0f);
  draw_text(ui, dl, ui.fonts.body, ImVec2(b.x + 12.0f * ui.s(), pos.y + 4.0f * ui.s()), t.text,
            label, text_w, id);
  return pressed;
}

}  // namespace upstander::dashboard
