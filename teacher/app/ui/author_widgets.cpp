// Text fields and id pickers for the author screens, on ImGui's widgets with the
// dashboard's glyph and label checks.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "author_screens.hpp"
#include "charts.hpp"
#include "upstander/ui/text_draw.hpp"

namespace upstander::dashboard {

namespace {

// The label above a field. ImGui starts a new line at the window's left edge: the cursor
// is put back under the label so the field stays in its column.
void field_label(DashUi& ui, const char* id, const std::string& label, float width) {
  if (label.empty()) return;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 sz = ui::draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, p,
                                  ui.theme.text_muted, label, width, id);
  ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + sz.y + 2.0f * ui.s()));
}

}  // namespace

bool text_field(DashUi& ui, const char* id, const std::string& label, std::string& value,
                float width, bool multiline) {
  ImGui::PushID(id);
  field_label(ui, id, label, width);
  ui::audit_glyphs(ui, ui.fonts.body, value, id);
  ImGui::SetNextItemWidth(width);
  bool changed = false;
  if (multiline) {
    const float lines = std::max(
        2.0f,
        std::min(6.0f, 1.0f + static_cast<float>(std::count(value.begin(), value.end(), '\n')) +
                           static_cast<float>(value.size()) / 60.0f));
    const float h = lines * ImGui::GetTextLineHeight() + 2.0f * ImGui::GetStyle().FramePadding.y;
    changed = ImGui::InputTextMultiline("##v", &value, ImVec2(width, h));
  } else {
    changed = ImGui::InputText("##v", &value);
  }
  // Listed with the buttons, so a browser test can find the field by its label.
  if (ui.controls) ui.controls->add(label, "", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  // Focus moving straight to another field leaves no frame without an active item: the
  // next field's keystrokes must still start their own undo step.
  if (ImGui::IsItemDeactivated() && ui.author) ui.post([w = ui.author] { w->end_typing(); });
  ImGui::PopID();
  return changed;
}

bool id_combo(DashUi& ui, const char* id, const std::string& label,
              const std::vector<std::string>& ids, std::string& value, float width) {
  ImGui::PushID(id);
  field_label(ui, id, label, width);
  bool changed = false;
  ImGui::SetNextItemWidth(width);
  const std::string shown = ui::widget_label(ui, value, id);
  if (ImGui::BeginCombo("##c", shown.c_str())) {
    for (const auto& v : ids) {
      const std::string item = ui::widget_label(ui, v, id);
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

bool item_combo(DashUi& ui, const char* id, const std::string& label,
                const std::vector<ComboItem>& items, std::string& value, float width) {
  ImGui::PushID(id);
  field_label(ui, id, label, width);
  bool changed = false;
  std::string shown = value;
  for (const auto& it : items) {
    if (it.value == value) shown = it.words;
  }
  ImGui::SetNextItemWidth(width);
  if (ImGui::BeginCombo("##c", ui::widget_label(ui, shown, id).c_str())) {
    for (const auto& it : items) {
      ImGui::PushID(it.value.c_str());
      if (ImGui::Selectable(ui::widget_label(ui, it.words, id).c_str(), it.value == value)) {
        changed = it.value != value;
        value = it.value;
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  ImGui::PopID();
  return changed;
}

void author_gap(const DashUi& ui, float width, float h) {
  ImGui::Dummy(ImVec2(width, h * ui.s()));
}

void author_heading(DashUi& ui, float width, const std::string& text, const char* where) {
  ImVec2 p = ImGui::GetCursorScreenPos();
  p.y += section_heading(ui, p, width, text, where);
  ImGui::SetCursorScreenPos(p);
}

bool small_button(DashUi& ui, const std::string& label, const char* where) {
  return ImGui::SmallButton(ui::widget_label(ui, label, where).c_str());
}

std::vector<ComboItem> kind_items(const DashUi& ui) {
  std::vector<ComboItem> out;
  for (const auto& k : all_names<NodeKind>()) out.push_back({k, ui.t("teacher.author.kind." + k)});
  return out;
}

std::vector<std::string> node_ids(const Scenario& s) {
  std::vector<std::string> out;
  for (const auto& n : s.nodes) out.push_back(n.id);
  return out;
}

// Each language in its own column, so a translator sees the source beside the translation.
void text_row(DashUi& ui, const std::string& key, const LocalizedText& text,
              const std::string& label, float width) {
  AuthorWorkspace& w = *ui.author;
  const auto& locales = w.doc().scenario().locales;
  const float col_gap = 10.0f * ui.s();
  const float col = (width - col_gap * static_cast<float>(locales.size() - 1)) /
                    static_cast<float>(std::max<std::size_t>(1, locales.size()));
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 ls = ui::draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, p,
                                  ui.theme.text_muted, label, width, "author-text-label");
  ImGui::Dummy(ImVec2(width, ls.y + 2.0f * ui.s()));
  const float y0 = ImGui::GetCursorScreenPos().y;
  float y1 = y0;
  for (std::size_t i = 0; i < locales.size(); ++i) {
    ImGui::SetCursorScreenPos(ImVec2(p.x + static_cast<float>(i) * (col + col_gap), y0));
    const std::string* v = text.find(locales[i]);
    std::string value = v ? *v : "";
    const std::string id = key + "#" + locales[i];
    if (text_field(ui, id.c_str(), ui.t("teacher.language." + locales[i]), value, col, true))
      ui.post([&w, key, loc = locales[i], value] {
        w.apply(author::edit::SetText{key, loc, value}, true);
      });
    y1 = std::max(y1, ImGui::GetCursorScreenPos().y);
  }
  ImGui::SetCursorScreenPos(ImVec2(p.x, y1));
  author_gap(ui, width, 4.0f);
}

std::string author_message(const DashUi& ui) {
  if (!ui.author) return "";
  if (ui.author->message_key().empty()) {
    const std::string problem = ui.author->store().problem();  // a draft not kept on the server
    return problem.empty() ? "" : ui.t(problem);
  }
  return ui.t(ui.author->message_key(), {{"detail", ui.author->message_detail()}});
}

}  // namespace upstander::dashboard
