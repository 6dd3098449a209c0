// Author mode's editor: the toolbar (packs, save, undo, redo, play from here, use in
// class), the map over the diagnostics on the left, the pack and the selected node on the
// right.
#include "author_screens.hpp"
#include "charts.hpp"
#include "dashboard_screens.hpp"
#include "upstander/ui/layout.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/ui/widgets.hpp"

namespace upstander::dashboard {

using ui::ButtonKind;
using ui::draw_text;
using ui::measure;

namespace {

std::string save_words(const DashUi& ui, SaveState s) {
  switch (s) {
    case SaveState::Saved: return ui.t("teacher.author.state.saved");
    case SaveState::Unsaved: return ui.t("teacher.author.state.unsaved");
    case SaveState::Autosaved: return ui.t("teacher.author.state.autosaved");
    case SaveState::Failed: return ui.t("teacher.author.state.failed");
  }
  return "";
}

std::string stats_line(DashUi& ui, AuthorWorkspace& w) {
  const auto& st = w.stats();
  std::string line = ui.t("teacher.author.stats.nodes", {{"nodes", std::to_string(st.nodes)},
                                                         {"choices", std::to_string(st.choices)}});
  if (st.engine) {
    // The estimated reading time of the shortest and the longest way through.
    const std::string& lang = ui.d.local().language;
    const auto lo = st.engine->minutes_shortest.find(lang);
    const auto hi = st.engine->minutes_longest.find(lang);
    if (lo != st.engine->minutes_shortest.end() && hi != st.engine->minutes_longest.end())
      line += " · " + ui.t("teacher.author.stats.minutes",
                           {{"shortest", std::to_string(static_cast<int>(lo->second + 0.5))},
                            {"longest", std::to_string(static_cast<int>(hi->second + 0.5))}});
  }
  for (const auto& l : st.locales) {
    const int pct = l.coverage.total == 0
                        ? 100
                        : static_cast<int>(100 * l.coverage.translated / l.coverage.total);
    line += " · " + ui.t("teacher.author.stats.locale", {{"locale", l.locale},
                                                         {"words", std::to_string(l.words)},
                                                         {"percent", std::to_string(pct)}});
  }
  return line;
}

float toolbar(DashUi& ui, AuthorWorkspace& w, ImVec2 a, float width) {
  Dashboard& d = ui.d;
  author::Document& doc = w.doc();
  const std::vector<BarItem> items = {
      {"author-packs", ui.t("teacher.author.bar.packs"), ButtonKind::Quiet},
      {"author-save", ui.t("teacher.author.bar.save"), ButtonKind::Primary, doc.dirty()},
      {"author-undo", ui.t("teacher.author.bar.undo"), ButtonKind::Normal, doc.can_undo()},
      {"author-redo", ui.t("teacher.author.bar.redo"), ButtonKind::Normal, doc.can_redo()},
      {"author-play", ui.t("teacher.author.bar.play"), ButtonKind::Normal},
      {"author-class", ui.t("teacher.author.bar.class"), ButtonKind::Normal,
       !d.pack_upload().pending},
  };
  const std::string state = save_words(ui, w.save_state());
  const float sw = measure(ui, ui.fonts.small, state).x;
  const int pressed = button_bar(ui, a, items, width - sw - 24.0f * ui.s());
  draw_text(
      ui, ImGui::GetWindowDrawList(), ui.fonts.small,
      ImVec2(a.x + width - sw, a.y + (button_bar_height(ui) - ui.fonts.small->FontSize) * 0.5f),
      w.save_state() == SaveState::Failed ? ui.theme.ripple : ui.theme.text_muted, state, 0.0f,
      "author-state");
  const std::string lang = d.local().language;
  switch (pressed) {
    case 0: ui.post([&w] { w.close(); }); break;
    case 1: ui.post([&w] { w.save(); }); break;
    case 2: ui.post([&w] { w.undo(); }); break;
    case 3: ui.post([&w] { w.redo(); }); break;
    case 4:
      ui.post([&w, lang] {
        if (const auto c = w.play_from(w.selected(), lang)) w.launch(*c);
      });
      break;
    case 5: ui.post([&w, &d] { d.add_pack(w.doc().text()); }); break;
    default: break;
  }
  float y = a.y + button_bar_height(ui) + 8.0f * ui.s();
  const ImVec2 ss = draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, ImVec2(a.x, y),
                              ui.theme.text_muted, stats_line(ui, w), width, "author-stats");
  y += ss.y + 4.0f * ui.s();
  std::string msg = author_message(ui);
  if (msg.empty() && !d.pack_upload().problems.empty())
    msg = ui.t("teacher.author.class_refused", {{"first", d.pack_upload().problems.front()}});
  if (!msg.empty()) {
    const ImVec2 ms = draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, ImVec2(a.x, y),
                                ui.theme.ripple, msg, width, "author-message");
    y += ms.y + 4.0f * ui.s();
  }
  return y - a.y;
}

}  // namespace

void draw_author(DashUi& ui, ImVec2 a, ImVec2 b) {
  if (!ui.author) return;
  if (!ui.author->is_open()) return draw_author_open(ui, a, b);
  AuthorWorkspace& w = *ui.author;
  // Keystrokes fold into one undo step while a field has the focus; once none has, the
  // next keystroke starts a new step. Posted, so it runs after this frame's last keystroke.
  if (!ImGui::IsAnyItemActive()) ui.post([&w] { w.end_typing(); });
  const float pad = 16.0f * ui.s();
  const float top =
      a.y + pad + toolbar(ui, w, ImVec2(a.x + pad, a.y + pad), b.x - a.x - 2 * pad) + 4.0f * ui.s();
  const float gap = 16.0f * ui.s();
  const float left_w = std::floor((b.x - a.x - 2 * pad - gap) * 0.55f);
  const float map_bottom = top + std::floor((b.y - pad - top) * 0.66f);
  draw_author_map(ui, ImVec2(a.x + pad, top), ImVec2(a.x + pad + left_w, map_bottom));
  draw_author_diagnostics(ui, ImVec2(a.x + pad, map_bottom + gap * 0.5f),
                          ImVec2(a.x + pad + left_w, b.y - pad));
  const float rx = a.x + pad + left_w + gap;
  if (ui::begin_region("author-editor", ImVec2(rx, top), ImVec2(b.x - pad, b.y - pad))) {
    const float cw = b.x - pad - rx - 20.0f * ui.s();
    draw_author_pack(ui, cw);
    draw_author_node_tools(ui, cw);
    draw_author_node(ui, cw);
  }
  ui::end_region();
}

void draw_author_diagnostics(DashUi& ui, ImVec2 a, ImVec2 b) {
  AuthorWorkspace& w = *ui.author;
  const auto& live = w.diagnostics();
  if (ui::begin_region("author-diagnostics", a, b)) {
    const float cw = b.x - a.x - 20.0f * ui.s();
    ImVec2 p = ImGui::GetCursorScreenPos();
    p.y += section_heading(
        ui, p, cw,
        ui.t("teacher.author.diagnostics.title", {{"errors", std::to_string(live.errors)},
                                                  {"warnings", std::to_string(live.warnings)}}),
        "author-diagnostics-heading");
    ImGui::SetCursorScreenPos(p);
    if (live.items.empty()) {
      const ImVec2 s =
          draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, p, ui.theme.text_muted,
                    ui.t("teacher.author.diagnostics.none"), cw, "author-diagnostics-none");
      ImGui::Dummy(ImVec2(cw, s.y));
    }
    // Only the lines in view are laid out: a big pack can have hundreds.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(live.items.size()));
    while (clipper.Step()) {
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const auto& item = live.items[static_cast<std::size_t>(i)];
        const auto& dg = item.diagnostic;
        const bool error = dg.severity == Severity::Error;
        const std::string line =
            ui.t(error ? "teacher.author.diagnostics.error" : "teacher.author.diagnostics.warning",
                 {{"where", item.element_id.empty() ? dg.pointer : item.element_id},
                  {"message", dg.message}});
        ImGui::PushID(i);
        const std::string label = ui::widget_label(ui, line, "author-diagnostic");
        ImGui::PushStyleColor(
            ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(error ? ui.theme.ripple : ui.theme.text));
        if (ImGui::Selectable(label.c_str(), item.element_id == w.selected() &&
                                                 item.area == author::DiagnosticArea::Nodes) &&
            item.area == author::DiagnosticArea::Nodes)
          ui.post([&w, id = item.element_id] { w.select(id); });
        ImGui::PopStyleColor();
        ImGui::PopID();
      }
    }
  }
  ui::end_region();
}

}  // namespace upstander::dashboard
