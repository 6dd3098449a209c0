// Text fields and id pickers for the author screens, on ImGui's widgets with the
// dashboard's glyph and label checks.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "author_screens.hpp"
#include "text_draw.hpp"

namespace upstander::dashboard {

bool text_field(DashUi& ui, const char* id, const std::string& label, std::string& value, float width,
                bool multiline) {
  ImGui::PushID(id);
  if (!label.empty()) {
    // ImGui starts a new line at the window's left edge: keep the field under its label.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 sz = app::draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, p, ui.theme.text_muted, label,
                                     width, id);
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + sz.y + 2.0f * ui.s()));
  }
  app::audit_glyphs(ui, ui.fonts.body, value, id);
  ImGui::SetNextItemWidth(width);
  bool changed = false;
  if (multiline) {
    const float lines = std::max(2.0f, std::min(6.0f, 1.0f + static_cast<float>(std::count(value.begin(), value.end(), '\n')) +
                                                       static_cast<float>(value.size()) / 60.0f));
    const float h = lines * ImGui::GetTextLineHeight() + 2.0f * ImGui::GetStyle().FramePadding.y;
    changed = ImGui::InputTextMultiline("##v", &value, ImVec2(width, h));
  } else {
    changed = ImGui::InputText("##v", &value);
  }
  ImGui::PopID();
  return changed;
}

bool id_combo(DashUi& ui, const char* id, const std::string& label, const std::vector<std::string>& ids,
              std::string& value, float width) {
  ImGui::PushID(id);
  if (!label.empty()) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 sz = app::draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, p, ui.theme.text_muted, label,
                                     width, id);
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + sz.y + 2.0f * ui.s()));
  }
  bool changed = false;
  ImGui::SetNextItemWidth(width);
  const std::string shown = app::widget_label(ui, value, id);
  if (ImGui::BeginCombo("##c", shown.c_str())) {
    for (const auto& v : ids) {
      const std::string item = app::widget_label(ui, v, id);
      if (ImGui::Selectable(item.c_str(), v == value)) {
        changed = v != value;
        value = v;
      }
    }
    ImGui::EndCombo();
  }
  ImGui::PopID();
  return changed;
}

std::string author_message(const DashUi& ui) {
  if (!ui.author || ui.author->message_key().empty()) return "";
  return ui.t(ui.author->message_key(), {{"detail", ui.author->message_detail()}});
}

}  // namespace upstander::dashboard
