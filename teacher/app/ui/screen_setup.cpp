// Setting up a class session: scenarios (with their review status), language, survey, data
// collection, then the lobby.
#include <algorithm>

#include "author_screens.hpp"
#include "charts.hpp"
#include "dashboard_screens.hpp"
#include "upstander/ui/layout.hpp"
#include "upstander/ui/shapes.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/ui/widgets.hpp"

namespace upstander::dashboard {

using ui::ButtonKind;
using ui::draw_text;
using ui::measure;

namespace {

std::string review_line(const DashUi& ui, const CatalogScenario& s) {
  std::string line =
      ui.t("teacher.setup.minutes", {{"minutes", std::to_string(s.minutes)}}) + " · ";
  if (s.draft())
    line += ui.t("teacher.setup.draft");
  else if (!s.review.by.empty())
    line += ui.t("teacher.setup.reviewed_by", {{"by", s.review.by}, {"date", s.review.date}});
  else
    line += ui.t("teacher.setup.reviewed");
  if (s.source == "school") line += " · " + ui.t("teacher.setup.school_pack");
  return line;
}

// One scenario as a selectable row: a check box, the title and its review status.
void scenario_row(DashUi& ui, const CatalogScenario& s, float width) {
  Dashboard& d = ui.d;
  const auto& chosen = d.setup().scenarios;
  const auto pos = std::find(chosen.begin(), chosen.end(), s.id);
  const bool on = pos != chosen.end();
  std::string title = s.title_in(d.local().language);
  if (on && chosen.size() > 1)
    title = ui.t("teacher.setup.order",
                 {{"n", std::to_string(pos - chosen.begin() + 1)}, {"title", title}});
  const std::string id = "scenario-" + s.id;
  if (check_box(ui, id.c_str(), title, on, width))
    ui.post([&d, sid = s.id] { d.toggle_scenario(sid); });
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float indent = ui.fonts.body->FontSize + 16.0f * ui.s();
  const std::string line = review_line(ui, s);
  const ImVec2 size = draw_text(
      ui, ImGui::GetWindowDrawList(), ui.fonts.small, ImVec2(p.x + indent, p.y - 4.0f * ui.s()),
      s.draft() ? ui.theme.ripple : ui.theme.text_muted, line, width - indent, "scenario-review");
  ImGui::Dummy(ImVec2(width, size.y + 6.0f * ui.s()));
}

// "Add a scenario pack...": a pack is one file; the server checks it and lists it above.
void add_pack_row(DashUi& ui, float width) {
  Dashboard& d = ui.d;
  ImGui::Dummy(ImVec2(width, 12.0f * ui.s()));
  text_field(ui, "pack-path", ui.t("teacher.setup.pack_path"), d.pack_path(), width);
  ImGui::Dummy(ImVec2(width, 6.0f * ui.s()));
  const std::vector<BarItem> add = {{"add-pack", ui.t("teacher.setup.add_pack"), ButtonKind::Normal,
                                     !d.pack_upload().pending && !d.pack_path().empty()}};
  if (button_bar(ui, ImGui::GetCursorScreenPos(), add, width) == 0)
    ui.post([&d] { d.add_pack_file(d.pack_path()); });
  ImGui::Dummy(ImVec2(width, button_bar_height(ui) + 4.0f * ui.s()));
  for (const auto& line : d.pack_upload().problems) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 sz = draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, p, ui.theme.ripple,
                                line, width, "pack-problem");
    ImGui::Dummy(ImVec2(width, sz.y + 2.0f * ui.s()));
  }
}

}  // namespace

void draw_setup(DashUi& ui, ImVec2 a, ImVec2 b) {
  Dashboard& d = ui.d;
  const float pad = 24.0f * ui.s();
  const float bar_h = button_bar_height(ui) + 2.0f * pad;
  const float col_gap = 32.0f * ui.s();
  const float left_w = std::floor((b.x - a.x - 2 * pad - col_gap) * 0.55f);
  const float right_w = b.x - a.x - 2 * pad - col_gap - left_w;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  draw_text(ui, dl, ui.fonts.title, ImVec2(a.x + pad, a.y + pad), ui.theme.text,
            ui.t("teacher.setup.title"), b.x - a.x - 2 * pad, "setup-title");
  const float top = a.y + pad + ui.fonts.title->FontSize + 16.0f * ui.s();

  // Left: the scenarios.
  if (ui::begin_region("setup-scenarios", ImVec2(a.x + pad, top),
                       ImVec2(a.x + pad + left_w, b.y - bar_h))) {
    const float w = left_w - 20.0f * ui.s();
    ImVec2 p = ImGui::GetCursorScreenPos();
    p.y += section_heading(ui, p, w, ui.t("teacher.setup.scenarios"), "setup-scenarios");
    ImGui::SetCursorScreenPos(p);
    int drafts = 0;
    for (const auto& s : d.catalog().scenarios) {
      if (s.draft() && !d.setup().allow_drafts) {
        ++drafts;
        continue;
      }
      ImGui::PushID(s.id.c_str());
      scenario_row(ui, s, w);
      ImGui::PopID();
    }
    if (d.catalog().scenarios.empty()) {
      p = ImGui::GetCursorScreenPos();
      const ImVec2 sz =
          draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.body, p, ui.theme.text_muted,
                    ui.t("teacher.setup.no_scenarios"), w, "setup-none");
      ImGui::Dummy(ImVec2(w, sz.y));
    }
    ImGui::Dummy(ImVec2(w, 8.0f * ui.s()));
    const std::string drafts_label =
        drafts > 0 ? ui.t("teacher.setup.allow_drafts_hidden", {{"n", std::to_string(drafts)}})
                   : ui.t("teacher.setup.allow_drafts");
    if (check_box(ui, "allow-drafts", drafts_label, d.setup().allow_drafts, w))
      ui.post([&d, on = !d.setup().allow_drafts] { d.set_allow_drafts(on); });
    add_pack_row(ui, w);
  }
  ui::end_region();

  // Right: language, survey, data collection, k.
  const float rx = a.x + pad + left_w + col_gap;
  if (ui::begin_region("setup-options", ImVec2(rx, top), ImVec2(rx + right_w, b.y - bar_h))) {
    const float w = right_w - 20.0f * ui.s();
    ImVec2 p = ImGui::GetCursorScreenPos();
    p.y += section_heading(ui, p, w, ui.t("teacher.setup.name"), "setup-name");
    ImGui::SetCursorScreenPos(p);
    text_field(ui, "session-name", "", d.setup_name(), w);
    p = ImGui::GetCursorScreenPos();
    p.y += draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, p, ui.theme.text_muted,
                     ui.t("teacher.setup.name_note"), w, "setup-name-note")
               .y +
           16.0f * ui.s();
    p.y += section_heading(ui, p, w, ui.t("teacher.setup.language"), "setup-language");
    std::vector<BarItem> langs;
    const auto offered = d.setup_languages();
    for (const char* lang : {"ko", "en"}) {
      const bool ok = std::find(offered.begin(), offered.end(), lang) != offered.end();
      langs.push_back({lang, ui.t(std::string("teacher.language.") + lang),
                       d.setup().language == lang ? ButtonKind::Primary : ButtonKind::Normal, ok});
    }
    const int lang = button_bar(ui, p, langs, w);
    if (lang >= 0) ui.post([&d, l = std::string(lang == 0 ? "ko" : "en")] { d.set_language(l); });
    p.y += button_bar_height(ui) + 20.0f * ui.s();
    p.y += section_heading(ui, p, w, ui.t("teacher.setup.options"), "setup-options");
    ImGui::SetCursorScreenPos(p);
    if (d.catalog().survey_available) {
      if (check_box(ui, "survey", ui.t("teacher.setup.survey"), d.setup().survey, w))
        ui.post([&d, on = !d.setup().survey] { d.set_survey(on); });
    }
    if (check_box(ui, "collect", ui.t("teacher.setup.collect"), d.setup().collect, w))
      ui.post([&d, on = !d.setup().collect] { d.set_collect(on); });
    p = ImGui::GetCursorScreenPos();
    const std::string note = d.setup().collect ? ui.t("teacher.setup.collect_on_note",
                                                      {{"k", std::to_string(d.setup().k)}})
                                               : ui.t("teacher.setup.collect_off_note");
    const ImVec2 ns = draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, p,
                                ui.theme.text_muted, note, w, "setup-collect-note");
    ImGui::Dummy(ImVec2(w, ns.y + 8.0f * ui.s()));
  }
  ui::end_region();

  const std::vector<BarItem> actions = {
      {"open-lobby", ui.t("teacher.setup.start"), ButtonKind::Primary, d.can_start()}};
  if (button_bar(ui, ImVec2(a.x + pad, b.y - bar_h + pad), actions, b.x - a.x - 2 * pad, true) == 0)
    ui.post([&d] { d.start_session(); });
}

}  // namespace upstander::dashboard
