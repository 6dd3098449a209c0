// Past sessions: the list, one session's results with its exports and "delete now", and
// two sessions side by side.
#include <algorithm>

#include "cell_words.hpp"
#include "charts.hpp"
#include "dashboard_screens.hpp"
#include "upstander/ui/layout.hpp"
#include "results_view.hpp"
#include "session_title.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/ui/widgets.hpp"

namespace upstander::dashboard {

using ui::ButtonKind;
using ui::draw_text;
using ui::measure;

namespace {

std::string session_label(const DashUi& ui, const SessionInfo& s) {
  std::string scenarios;
  for (const auto& id : s.scenarios) {
    // The title from the scenario list; a scenario no longer offered keeps its id.
    std::string name = id;
    for (const auto& c : ui.d.catalog().scenarios) {
      if (c.id == id) name = c.title_in(ui.d.local().language);
    }
    scenarios += (scenarios.empty() ? "" : ", ") + name;
  }
  return ui.t("teacher.results.item", {{"title", session_title(s, ui.d.text())},
                                       {"players", std::to_string(s.players)},
                                       {"scenarios", scenarios}});
}

// A cell and its share of the published total ("12 (40%)"); suppressed cells as words.
std::string share(const DashUi& ui, const Cell& c, const Cell& total, int k) {
  std::string out = cell_words(c, k, ui.d.text());
  if (c.count && total.count && *total.count > 0)
    out += " (" + std::to_string((*c.count * 100 + *total.count / 2) / *total.count) + "%)";
  return out;
}

// Decision points both sessions played, choice by choice, with each class's share.
float compare_view(DashUi& ui, const Summary& a, const Summary& b, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 start = ImGui::GetCursorScreenPos();
  ImVec2 p = start;
  const float col = std::floor(width * 0.22f);
  const float label_w = width - 2 * col;
  p.y += section_heading(ui, p, width, ui.t("teacher.compare.title"), "compare-title");
  const auto head = [&](float y) {
    draw_text(ui, dl, ui.fonts.small, ImVec2(p.x + label_w, y), ui.theme.text_muted,
              ui.t("teacher.compare.a", {{"title", session_title(a.session, ui.d.text())}}), col,
              "compare-a");
    draw_text(ui, dl, ui.fonts.small, ImVec2(p.x + label_w + col, y), ui.theme.text_muted,
              ui.t("teacher.compare.b", {{"title", session_title(b.session, ui.d.text())}}), col,
              "compare-b");
  };
  bool any = false;
  for (const auto& sa : a.scenarios) {
    const auto sb = std::find_if(b.scenarios.begin(), b.scenarios.end(),
                                 [&](const ScenarioResults& x) { return x.id == sa.id; });
    if (sb == b.scenarios.end()) continue;
    for (const auto& da : sa.decisions) {
      const auto db = std::find_if(sb->decisions.begin(), sb->decisions.end(),
                                   [&](const Decision& x) { return x.node == da.node; });
      if (db == sb->decisions.end()) continue;
      any = true;
      p.y += draw_text(ui, dl, ui.fonts.body, p, ui.theme.text,
                       sa.title + " · " + point_title(ui, sa, da), width, "compare-point")
                 .y +
             4.0f * ui.s();
      head(p.y);
      p.y += ui.fonts.small->FontSize + 4.0f * ui.s();
      for (const auto& ca : da.row.cells) {
        const auto cb = std::find_if(db->row.cells.begin(), db->row.cells.end(),
                                     [&](const Cell& x) { return x.id == ca.id; });
        const float h = draw_text(ui, dl, ui.fonts.small, p, ui.theme.text, ca.text,
                                  label_w - 10.0f * ui.s(), "compare-choice")
                            .y;
        draw_text(ui, dl, ui.fonts.small, ImVec2(p.x + label_w, p.y), ui.theme.text,
                  share(ui, ca, da.row.total, a.k), col,
                  ("compare-a/" + sa.id + "/" + da.node + "/" + ca.id).c_str());
        if (cb != db->row.cells.end())
          draw_text(ui, dl, ui.fonts.small, ImVec2(p.x + label_w + col, p.y), ui.theme.text,
                    share(ui, *cb, db->row.total, b.k), col,
                    ("compare-b/" + sa.id + "/" + da.node + "/" + ca.id).c_str());
        p.y += h + 4.0f * ui.s();
      }
      p.y += 14.0f * ui.s();
    }
  }
  if (!any)
    p.y += draw_text(ui, dl, ui.fonts.body, p, ui.theme.text_muted, ui.t("teacher.compare.nothing"),
                     width, "compare-nothing")
               .y;
  // The survey's shift in each class.
  if (!a.survey.empty() && !b.survey.empty()) {
    p.y += 10.0f * ui.s();
    p.y += section_heading(ui, p, width, ui.t("teacher.live.survey"), "compare-survey");
    head(p.y);
    p.y += ui.fonts.small->FontSize + 4.0f * ui.s();
    for (const auto& ia : a.survey) {
      const auto ib = std::find_if(b.survey.begin(), b.survey.end(),
                                   [&](const SurveyResult& x) { return x.id == ia.id; });
      const float h = draw_text(ui, dl, ui.fonts.small, p, ui.theme.text, ia.text_a,
                                label_w - 10.0f * ui.s(), "compare-item")
                          .y;
      const auto shift = [&](const SurveyResult& r) {
        return r.shift ? shift_words(r.shift)
                       : ui.t("teacher.compare.no_shift", {{"k", std::to_string(a.k)}});
      };
      draw_text(ui, dl, ui.fonts.small, ImVec2(p.x + label_w, p.y), ui.theme.text, shift(ia), col,
                "compare-shift-a");
      if (ib != b.survey.end())
        draw_text(ui, dl, ui.fonts.small, ImVec2(p.x + label_w + col, p.y), ui.theme.text,
                  shift(*ib), col, "compare-shift-b");
      p.y += h + 4.0f * ui.s();
    }
  }
  ImGui::SetCursorScreenPos(start);
  ImGui::Dummy(ImVec2(width, p.y - start.y));
  return p.y - start.y;
}

void session_header(DashUi& ui, const Summary& s, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 p = ImGui::GetCursorScreenPos();
  const SessionInfo& info = s.session;
  p.y += draw_text(ui, dl, ui.fonts.title, p, ui.theme.text,
                   ui.t("teacher.results.session", {{"title", session_title(info, ui.d.text())}}),
                   width, "results-session")
             .y +
         6.0f * ui.s();
  std::string kept = info.raw_data == "purged" ? ui.t("teacher.results.purged")
                     : info.purge_at > 0
                         ? ui.t("teacher.results.purge_at", {{"date", date_time(info.purge_at)}})
                         : ui.t("teacher.results.kept");
  const std::string line =
      ui.t("teacher.results.details", {{"players", std::to_string(info.players)},
                                       {"language", ui.t("teacher.language." + info.language)},
                                       {"k", std::to_string(s.k)}}) +
      " · " + kept;
  p.y +=
      draw_text(ui, dl, ui.fonts.small, p, ui.theme.text_muted, line, width, "results-details").y +
      10.0f * ui.s();
  ImGui::SetCursorScreenPos(p);
}

}  // namespace

void draw_results(DashUi& ui, ImVec2 a, ImVec2 b) {
  Dashboard& d = ui.d;
  const float pad = 24.0f * ui.s();
  const float list_w = std::floor((b.x - a.x) * 0.28f);
  const float bar_h = button_bar_height(ui) + 32.0f * ui.s();
  const bool picking = d.picking_compare();
  if (ui::begin_region("results-list", ImVec2(a.x + pad, a.y + pad * 0.75f),
                       ImVec2(a.x + pad + list_w, b.y - pad))) {
    const float w = list_w - 16.0f * ui.s();
    ImVec2 p = ImGui::GetCursorScreenPos();
    p.y += section_heading(ui, p, w,
                           ui.t(picking ? "teacher.results.pick_compare" : "teacher.results.list"),
                           "results-list");
    ImGui::SetCursorScreenPos(p);
    if (d.sessions().empty()) {
      const ImVec2 sz =
          draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.body, p, ui.theme.text_muted,
                    ui.t("teacher.results.none"), w, "results-none");
      ImGui::Dummy(ImVec2(w, sz.y));
    }
    for (const auto& s : d.sessions()) {
      const bool on = d.selected() && d.selected()->session.id == s.id;
      const bool other = d.compared() && d.compared()->session.id == s.id;
      ImGui::PushID(s.id.c_str());
      const std::string label =
          session_label(ui, s) + (s.ended() ? "" : " · " + ui.t("teacher.results.running"));
      if (ui::big_button(ui, "session", label, "", w,
                         on || other ? ButtonKind::Primary : ButtonKind::Normal, 0.0f,
                         ui.fonts.small)) {
        ui.post([&d, id = s.id] { d.click_session(id); });
      }
      ImGui::PopID();
      ImGui::Dummy(ImVec2(w, 2.0f * ui.s()));
    }
  }
  ui::end_region();

  const float rx = a.x + 2 * pad + list_w;
  const float rw = b.x - rx - pad * 0.5f;
  if (!d.selected()) {
    draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.body, ImVec2(rx, a.y + pad),
              ui.theme.text_muted, ui.t("teacher.results.pick"), rw - pad, "results-pick");
    return;
  }
  const Summary& s = *d.selected();
  if (ui::begin_region("results-view", ImVec2(rx, a.y + pad * 0.75f),
                       ImVec2(b.x - pad * 0.5f, b.y - bar_h))) {
    const float w = rw - 20.0f * ui.s();
    session_header(ui, s, w);
    if (d.compared())
      compare_view(ui, s, *d.compared(), w);
    else
      results_view(ui, s, w, "results");
  }
  ui::end_region();
  std::vector<BarItem> items = {
      {"export-csv", ui.t("teacher.results.export_csv"), ButtonKind::Normal},
      {"export-json", ui.t("teacher.results.export_json"), ButtonKind::Normal},
      {"export-html", ui.t("teacher.results.report"), ButtonKind::Normal},
      {"compare", ui.t(d.compared() ? "teacher.results.stop_compare" : "teacher.results.compare"),
       picking ? ButtonKind::Primary : ButtonKind::Normal},
      {"delete", ui.t("teacher.results.delete"), ButtonKind::Quiet, s.session.ended()},
  };
  const int pressed =
      button_bar(ui, ImVec2(rx, b.y - bar_h + 16.0f * ui.s()), items, rw - 16.0f * ui.s(), true);
  if (pressed == 0) ui.post([&d] { d.export_selected("csv"); });
  if (pressed == 1) ui.post([&d] { d.export_selected("json"); });
  if (pressed == 2) ui.post([&d] { d.export_selected("html"); });
  if (pressed == 3) {
    if (d.compared())
      ui.post([&d] { d.compare_with(""); });
    else
      ui.post([&d, on = !picking] { d.pick_compare(on); });
  }
  if (pressed == 4) ui.post([&d] { d.request_delete(); });
}

}  // namespace upstander::dashboard
