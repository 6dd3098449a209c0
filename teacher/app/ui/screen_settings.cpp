// Settings: the server's retention and k (kept on the server), this dashboard's language
// and projector look (kept on this computer), and the passphrase for a browser elsewhere.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

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

// "label   [-] value [+]"; returns the new value.
int stepper(DashUi& ui, const char* id, const std::string& label, const std::string& note,
            int value, int lo, int hi, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 p = ImGui::GetCursorScreenPos();
  const float bw = button_bar_height(ui);
  const float value_w = 90.0f * ui.s();
  const float label_w = width - 2 * bw - value_w - 30.0f * ui.s();
  const float lh = draw_text(ui, dl, ui.fonts.body, p, ui.theme.text, label, label_w, id).y;
  const float nh = draw_text(ui, dl, ui.fonts.small, ImVec2(p.x, p.y + lh + 2.0f * ui.s()),
                             ui.theme.text_muted, note, label_w, "setting-note")
                       .y;
  float x = p.x + label_w + 10.0f * ui.s();
  int out = value;
  ImGui::SetCursorScreenPos(ImVec2(x, p.y));
  ImGui::PushID(id);
  if (value <= lo) ImGui::BeginDisabled();
  if (ui::big_button(ui, "minus", "-", "", bw, ButtonKind::Normal, bw))
    out = std::max(lo, value - 1);
  if (value <= lo) ImGui::EndDisabled();
  x += bw + 10.0f * ui.s();
  ui::draw_centered(ui, dl, ui.fonts.title, x, x + value_w,
                    p.y + (bw - ui.fonts.title->FontSize) * 0.5f, ui.theme.text,
                    std::to_string(value), "setting-value");
  x += value_w + 10.0f * ui.s();
  ImGui::SetCursorScreenPos(ImVec2(x, p.y));
  if (value >= hi) ImGui::BeginDisabled();
  if (ui::big_button(ui, "plus", "+", "", bw, ButtonKind::Normal, bw))
    out = std::min(hi, value + 1);
  if (value >= hi) ImGui::EndDisabled();
  ImGui::PopID();
  ImGui::SetCursorScreenPos(p);
  ImGui::Dummy(ImVec2(width, std::max(bw, lh + nh + 2.0f * ui.s()) + 14.0f * ui.s()));
  return out;
}

// Signing in from a browser on another computer: the passphrase, set once here.
void passphrase_row(DashUi& ui, ImVec2 p, float w) {
  Dashboard& d = ui.d;
  p.y += section_heading(ui, p, w, ui.t("teacher.settings.passphrase"), "settings-passphrase");
  p.y += draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, p, ui.theme.text_muted,
                   ui.t("teacher.settings.passphrase_note",
                        {{"address", "http://" + d.join_host_port() + "/teacher/"}}),
                   w, "settings-passphrase-note")
             .y +
         8.0f * ui.s();
  const float bw =
      measure(ui, ui.fonts.body, ui.t("teacher.settings.passphrase_set")).x + 32.0f * ui.s();
  const float field_w = std::max(120.0f * ui.s(), w - bw - 12.0f * ui.s());
  ImGui::SetCursorScreenPos(
      ImVec2(p.x, p.y + (button_bar_height(ui) - ImGui::GetFrameHeight()) * 0.5f));
  ImGui::SetNextItemWidth(field_w);
  const bool entered =
      ImGui::InputText("##passphrase", &d.passphrase_field(),
                       ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
  if (ui.controls)
    ui.controls->add(ui.t("teacher.settings.passphrase"), "", ImGui::GetItemRectMin(),
                     ImGui::GetItemRectMax());
  const std::vector<BarItem> set = {{"passphrase-set", ui.t("teacher.settings.passphrase_set"),
                                     ButtonKind::Normal, !d.passphrase_field().empty()}};
  if (button_bar(ui, ImVec2(p.x + field_w + 12.0f * ui.s(), p.y), set, bw) == 0 || entered)
    ui.post([&d] { d.set_passphrase(); });
  ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + button_bar_height(ui)));
  ImGui::Dummy(ImVec2(w, 20.0f * ui.s()));
}

}  // namespace

void draw_settings(DashUi& ui, ImVec2 a, ImVec2 b) {
  Dashboard& d = ui.d;
  const float pad = 24.0f * ui.s();
  const float w = std::min(b.x - a.x - 2 * pad, 900.0f * ui.s());
  if (!ui::begin_region("settings", ImVec2(a.x + pad, a.y + pad * 0.75f),
                        ImVec2(b.x - pad * 0.5f, b.y - pad * 0.5f))) {
    ui::end_region();
    return;
  }
  ImVec2 p = ImGui::GetCursorScreenPos();
  p.y += section_heading(ui, p, w, ui.t("teacher.settings.server"), "settings-server");
  ImGui::SetCursorScreenPos(p);
  ServerSettings s = d.server_settings();
  const ServerSettings before = s;
  s.retention_days =
      stepper(ui, "retention", ui.t("teacher.settings.retention"),
              ui.t("teacher.settings.retention_note", {{"max", std::to_string(s.retention_max)}}),
              s.retention_days, 0, s.retention_max, w);
  s.default_k = stepper(ui, "k", ui.t("teacher.settings.k"),
                        ui.t("teacher.settings.k_note", {{"min", std::to_string(s.k_min)}}),
                        s.default_k, s.k_min, s.k_max, w);
  if (s.retention_days != before.retention_days || s.default_k != before.default_k)
    ui.post([&d, s] { d.save_server_settings(s); });

  p = ImGui::GetCursorScreenPos();
  p.y += 10.0f * ui.s();
  p.y += section_heading(ui, p, w, ui.t("teacher.settings.dashboard"), "settings-dashboard");
  DashboardSettings local = d.local();
  const std::vector<BarItem> langs = {
      {"lang-ko", ui.t("teacher.language.ko"),
       local.language == "ko" ? ButtonKind::Primary : ButtonKind::Normal},
      {"lang-en", ui.t("teacher.language.en"),
       local.language == "en" ? ButtonKind::Primary : ButtonKind::Normal}};
  const float lw = ui::draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.body,
                                 ImVec2(p.x, p.y + 10.0f * ui.s()), ui.theme.text,
                                 ui.t("teacher.settings.language"), w * 0.4f, "settings-language")
                       .x;
  const int lang =
      button_bar(ui, ImVec2(p.x + std::max(lw, w * 0.4f) + 10.0f * ui.s(), p.y), langs, w * 0.55f);
  if (lang >= 0) {
    local.language = lang == 0 ? "ko" : "en";
    ui.post([&d, local] { d.update_local(local); });
  }
  p.y += button_bar_height(ui) + 14.0f * ui.s();
  ImGui::SetCursorScreenPos(p);
  if (check_box(ui, "contrast", ui.t("teacher.settings.high_contrast"), local.high_contrast, w)) {
    DashboardSettings next = local;
    next.high_contrast = !local.high_contrast;
    ui.post([&d, next] { d.update_local(next); });
  }
  if (check_box(ui, "large", ui.t("teacher.settings.large_text"), local.large_text, w)) {
    DashboardSettings next = local;
    next.large_text = !local.large_text;
    ui.post([&d, next] { d.update_local(next); });
  }
  p = ImGui::GetCursorScreenPos();
  p.y += 8.0f * ui.s();
  const std::string exports =
      d.exports_download() ? ui.t("teacher.settings.exports_browser")
                           : ui.t("teacher.settings.exports", {{"path", local.export_folder()}});
  p.y += draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, p, ui.theme.text_muted, exports,
                   w, "settings-exports")
             .y;
  p.y += 20.0f * ui.s();
  passphrase_row(ui, p, w);
  ui::end_region();
}

}  // namespace upstander::dashboard
