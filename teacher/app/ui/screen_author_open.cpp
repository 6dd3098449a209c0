// Author mode's first screen: start from a shipped scenario (a copy in the teacher's
// folder), open any pack file, or create a new one; and the offer to recover unsaved work.
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

void shipped_list(DashUi& ui, AuthorWorkspace& w, float width) {
  const std::string& lang = ui.d.local().language;
  for (const auto& s : w.shipped()) {
    ImGui::PushID(s.id.c_str());
    const std::string title = s.scenario->title.get(lang);
    const std::string label =
        ui.t("teacher.author.open.shipped_item", {{"title", title}, {"id", s.id}});
    if (ui::big_button(ui, "open-shipped", label, "", width, ButtonKind::Normal))
      ui.post([&w, id = s.id] { w.open_shipped(id); });
    ImGui::Dummy(ImVec2(width, 4.0f * ui.s()));
    ImGui::PopID();
  }
}

// The teacher's own packs (copies and new ones), or why they are not listed yet: in the
// browser they come from the server first.
void draft_list(DashUi& ui, AuthorWorkspace& w, ImDrawList* dl, float width) {
  ImVec2 p = ImGui::GetCursorScreenPos();
  if (!w.drafts_ready()) {
    const std::string problem = w.store().problem();
    const ImVec2 sz =
        draw_text(ui, dl, ui.fonts.body, p, problem.empty() ? ui.theme.text_muted : ui.theme.ripple,
                  ui.t(problem.empty() ? "teacher.author.open.loading" : problem), width,
                  "author-drafts-loading");
    ImGui::Dummy(ImVec2(width, sz.y + 16.0f * ui.s()));
    return;
  }
  const auto& ids = w.draft_ids();
  if (ids.empty()) return;
  p.y += section_heading(ui, p, width, ui.t("teacher.author.open.drafts"), "author-drafts-heading");
  ImGui::SetCursorScreenPos(p);
  for (const auto& id : ids) {
    ImGui::PushID(id.c_str());
    if (ui::big_button(ui, "open-draft", id, "", width, ButtonKind::Normal))
      ui.post([&w, id] { w.open_draft(id); });
    ImGui::Dummy(ImVec2(width, 4.0f * ui.s()));
    ImGui::PopID();
  }
  ImGui::Dummy(ImVec2(width, 16.0f * ui.s()));
}

}  // namespace

void draw_author_open(DashUi& ui, ImVec2 a, ImVec2 b) {
  AuthorWorkspace& w = *ui.author;
  const float pad = 24.0f * ui.s();
  const float gap = 32.0f * ui.s();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  draw_text(ui, dl, ui.fonts.title, ImVec2(a.x + pad, a.y + pad), ui.theme.text,
            ui.t("teacher.author.open.title"), b.x - a.x - 2 * pad, "author-open-title");
  const float top = a.y + pad + ui.fonts.title->FontSize + 16.0f * ui.s();
  const float left_w = std::floor((b.x - a.x - 2 * pad - gap) * 0.5f);
  const float right_w = b.x - a.x - 2 * pad - gap - left_w;

  if (ui::begin_region("author-shipped", ImVec2(a.x + pad, top),
                       ImVec2(a.x + pad + left_w, b.y - pad))) {
    const float cw = left_w - 20.0f * ui.s();
    draft_list(ui, w, dl, cw);
    ImVec2 p = ImGui::GetCursorScreenPos();
    p.y +=
        section_heading(ui, p, cw, ui.t("teacher.author.open.shipped"), "author-shipped-heading");
    const ImVec2 ns =
        draw_text(ui, dl, ui.fonts.small, p, ui.theme.text_muted,
                  ui.t(w.config().packs_on_server ? "teacher.author.open.shipped_note_server"
                                                  : "teacher.author.open.shipped_note",
                       {{"folder", w.config().packs_dir}}),
                  cw, "author-shipped-note");
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + ns.y + 8.0f * ui.s()));
    shipped_list(ui, w, cw);
  }
  ui::end_region();

  const float rx = a.x + pad + left_w + gap;
  if (ui::begin_region("author-files", ImVec2(rx, top), ImVec2(rx + right_w, b.y - pad))) {
    const float cw = right_w - 20.0f * ui.s();
    ImVec2 p = ImGui::GetCursorScreenPos();
    p.y += section_heading(ui, p, cw, ui.t("teacher.author.open.file"), "author-file-heading");
    ImGui::SetCursorScreenPos(p);
    text_field(ui, "author-path", ui.t("teacher.author.open.path"), w.path_input, cw);
    ImGui::Dummy(ImVec2(cw, 6.0f * ui.s()));
    if (button_bar(ui, ImGui::GetCursorScreenPos(),
                   {{"author-open-file", ui.t("teacher.author.open.open")}}, cw) == 0)
      ui.post([&w] { w.open_file(w.path_input); });
    ImGui::Dummy(ImVec2(cw, button_bar_height(ui) + 24.0f * ui.s()));
    p = ImGui::GetCursorScreenPos();
    p.y += section_heading(ui, p, cw, ui.t("teacher.author.open.new"), "author-new-heading");
    ImGui::SetCursorScreenPos(p);
    text_field(ui, "author-new-id", ui.t("teacher.author.open.new_id"), w.new_id_input, cw);
    ImGui::Dummy(ImVec2(cw, 6.0f * ui.s()));
    if (button_bar(ui, ImGui::GetCursorScreenPos(),
                   {{"author-create", ui.t("teacher.author.open.create")}}, cw) == 0)
      ui.post([&w] { w.create_blank(w.new_id_input); });
    ImGui::Dummy(ImVec2(cw, button_bar_height(ui) + 16.0f * ui.s()));
    const std::string msg = author_message(ui);
    if (!msg.empty()) {
      p = ImGui::GetCursorScreenPos();
      const ImVec2 ms =
          draw_text(ui, dl, ui.fonts.body, p, ui.theme.ripple, msg, cw, "author-open-message");
      ImGui::Dummy(ImVec2(cw, ms.y));
    }
  }
  ui::end_region();
}

void draw_author_recovery(DashUi& ui) {
  AuthorWorkspace* w = ui.author;
  if (!w || !w->is_open() || !w->recovery()) return;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ui.window_size);
  ImGui::Begin("author-recovery", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(0, 0), ui.window_size, IM_COL32(0, 0, 0, 120));
  const float width = std::min(ui.window_size.x - 80.0f * ui.s(), 760.0f * ui.s());
  const float pad = 24.0f * ui.s();
  const std::string title = ui.t("teacher.author.recover.title");
  const std::string body =
      ui.t("teacher.author.recover.body",
           {{"file", w->config().packs_on_server ? w->doc().scenario().id : w->doc().path()},
            {"when", date_time(w->recovery()->written_ms / 1000)}});
  const float th = measure(ui, ui.fonts.title, title, width - 2 * pad).y;
  const float bh = measure(ui, ui.fonts.body, body, width - 2 * pad).y;
  const float h = th + bh + button_bar_height(ui) + 4.0f * pad;
  const ImVec2 p((ui.window_size.x - width) * 0.5f, (ui.window_size.y - h) * 0.5f);
  ui::panel(ui, dl, p, ImVec2(p.x + width, p.y + h), ui.theme.panel, ui.theme.panel_border);
  draw_text(ui, dl, ui.fonts.title, ImVec2(p.x + pad, p.y + pad), ui.theme.text, title,
            width - 2 * pad, "recover-title");
  draw_text(ui, dl, ui.fonts.body, ImVec2(p.x + pad, p.y + 2 * pad + th), ui.theme.text, body,
            width - 2 * pad, "recover-body");
  const int pressed =
      button_bar(ui, ImVec2(p.x + pad, p.y + h - pad - button_bar_height(ui)),
                 {{"recover-keep", ui.t("teacher.author.recover.keep_file")},
                  {"recover-yes", ui.t("teacher.author.recover.restore"), ButtonKind::Primary}},
                 width - 2 * pad, true);
  if (pressed == 0) ui.post([w] { w->decline_recovery(); });
  if (pressed == 1) ui.post([w] { w->accept_recovery(); });
  ImGui::End();
}

}  // namespace upstander::dashboard
