// The variables page: what the story remembers (flags that are on or off, counters), each
// with its starting value, range and note, every place that reads or changes it, renaming
// (every use follows) and deleting (only when nothing uses it, with the reason when not),
// and adding a new flag or counter under a free id.
#include <charconv>

#include "author_screens.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/author/variables_page.hpp"

namespace upstander::dashboard {

namespace ed = author::edit;
using author::VariableRow;
using author::VariableUse;

namespace {

void page_line(DashUi& ui, const std::string& text, float width, const char* where, ImU32 colour,
               ImFont* font) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 sz =
      ui::draw_text(ui, ImGui::GetWindowDrawList(), font, p, colour, text, width, where);
  ImGui::Dummy(ImVec2(width, sz.y + 2.0f * ui.s()));
}

std::string use_words(const DashUi& ui, const VariableUse& u) {
  switch (u.kind) {
    case VariableUse::Kind::NodeEffect:
      return ui.t("teacher.author.variables.use.node_effect", {{"node", u.node}});
    case VariableUse::Kind::ChoiceCondition:
      return ui.t("teacher.author.variables.use.choice_condition",
                  {{"node", u.node}, {"choice", u.choice}});
    case VariableUse::Kind::ChoiceEffect:
      return ui.t("teacher.author.variables.use.choice_effect",
                  {{"node", u.node}, {"choice", u.choice}});
    case VariableUse::Kind::RouteCondition:
      return ui.t("teacher.author.variables.use.route",
                  {{"node", u.node}, {"n", std::to_string(u.route_step + 1)}});
    case VariableUse::Kind::Ripple:
      return ui.t("teacher.author.variables.use.ripple", {{"node", u.node}});
  }
  return u.node;
}

// "" = no limit; anything else must be a whole number.
std::optional<std::optional<std::int64_t>> parse_limit(const std::string& text) {
  if (text.empty()) return std::optional<std::int64_t>{};
  std::int64_t v = 0;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return std::nullopt;
  return std::optional<std::int64_t>{v};
}

std::string limit_text(const std::optional<std::int64_t>& v) {
  return v ? std::to_string(*v) : "";
}

// Starting value and, for counters, the lowest and highest value; typed, one undo step each.
void value_fields(DashUi& ui, AuthorWorkspace& w, const Variable& v, float width) {
  if (v.type == VariableType::Flag) {
    bool on = v.initial != 0;
    if (ImGui::Checkbox(
            ui::widget_label(ui, ui.t("teacher.author.variables.initial_on"), "variable-initial")
                .c_str(),
            &on))
      ui.post([&w, v, on] {
        w.apply(ed::SetVariable{v.id, v.type, on ? 1 : 0, v.min, v.max, v.description});
      });
    return;
  }
  const float gap = 10.0f * ui.s();
  const float third = std::floor((width - 2 * gap) / 3.0f);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  std::string texts[3] = {std::to_string(v.initial), limit_text(v.min), limit_text(v.max)};
  const char* keys[3] = {"teacher.author.variables.initial", "teacher.author.variables.min",
                         "teacher.author.variables.max"};
  float bottom = p.y;
  for (int k = 0; k < 3; ++k) {
    ImGui::SetCursorScreenPos(ImVec2(p.x + static_cast<float>(k) * (third + gap), p.y));
    ImGui::PushID(k);
    if (text_field(ui, "value", ui.t(keys[k]), texts[k], third)) {
      const auto initial = parse_limit(texts[0]);
      const auto lo = parse_limit(texts[1]), hi = parse_limit(texts[2]);
      // Sent only once the number is whole and in order; the edit checks the rest.
      if (initial && *initial && lo && hi)
        ui.post([&w, v, i = **initial, lo = *lo, hi = *hi] {
          w.apply(ed::SetVariable{v.id, v.type, i, lo, hi, v.description}, true);
        });
    }
    ImGui::PopID();
    bottom = std::max(bottom, ImGui::GetCursorScreenPos().y);
  }
  ImGui::SetCursorScreenPos(ImVec2(p.x, bottom));
}

void rename_variable_row(DashUi& ui, AuthorWorkspace& w, const Variable& v, float width) {
  if (w.rename_variable_from != v.id) {
    if (small_button(ui, ui.t("teacher.author.variables.rename"), "variable-rename-open"))
      ui.post([&w, id = v.id] {
        w.rename_variable_from = id;
        w.rename_variable_input = id;
      });
    return;
  }
  text_field(ui, "rename", ui.t("teacher.author.variables.rename_to", {{"id", v.id}}),
             w.rename_variable_input, width);
  if (small_button(ui, ui.t("teacher.author.variables.rename_apply"), "variable-rename"))
    ui.post([&w, id = v.id] {
      if (w.apply(ed::RenameVariable{id, w.rename_variable_input})) w.rename_variable_from.clear();
    });
  ImGui::SameLine();
  if (small_button(ui, ui.t("teacher.author.variables.cancel"), "variable-rename-cancel"))
    ui.post([&w] { w.rename_variable_from.clear(); });
}

void variable_card(DashUi& ui, AuthorWorkspace& w, const VariableRow& row, float width) {
  const Variable& v = row.variable;
  ImGui::PushID(v.id.c_str());
  page_line(ui,
            ui.t(v.type == VariableType::Flag ? "teacher.author.variables.flag"
                                              : "teacher.author.variables.counter",
                 {{"id", v.id}}),
            width, "variable-name", ui.theme.text, ui.fonts.body);
  value_fields(ui, w, v, width);
  std::string note = v.description;
  if (text_field(ui, "note", ui.t("teacher.author.variables.description"), note, width))
    ui.post([&w, v, note] {
      w.apply(ed::SetVariable{v.id, v.type, v.initial, v.min, v.max, note}, true);
    });
  if (row.uses.empty()) {
    page_line(ui, ui.t("teacher.author.variables.unused"), width, "variable-unused",
              ui.theme.text_muted, ui.fonts.small);
  } else {
    std::string uses;
    for (const auto& u : row.uses) uses += (uses.empty() ? "" : " · ") + use_words(ui, u);
    page_line(ui, ui.t("teacher.author.variables.uses", {{"uses", uses}}), width, "variable-uses",
              ui.theme.text_muted, ui.fonts.small);
    if (!row.reads())
      page_line(ui, ui.t("teacher.author.variables.unread"), width, "variable-unread",
                ui.theme.ripple, ui.fonts.small);
  }
  rename_variable_row(ui, w, v, width);
  ImGui::SameLine();
  ImGui::BeginDisabled(!row.deletable());
  if (small_button(ui, ui.t("teacher.author.variables.remove", {{"id", v.id}}), "variable-remove"))
    ui.post([&w, id = v.id] { w.apply(ed::RemoveVariable{id}); });
  ImGui::EndDisabled();
  if (!row.deletable())
    page_line(ui,
              ui.t("teacher.author.variables.in_use",
                   {{"id", v.id}, {"n", std::to_string(row.uses.size())}}),
              width, "variable-in-use", ui.theme.text_muted, ui.fonts.small);
  author_gap(ui, width, 12.0f);
  ImGui::PopID();
}

}  // namespace

void draw_author_variables(DashUi& ui, float width) {
  AuthorWorkspace& w = *ui.author;
  const Scenario& s = w.doc().scenario();
  author_heading(ui, width, ui.t("teacher.author.variables.title"), "author-variables-heading");
  page_line(ui, ui.t("teacher.author.variables.intro"), width, "variables-intro",
            ui.theme.text_muted, ui.fonts.small);
  for (const auto& row : author::variables_page(s)) variable_card(ui, w, row, width);
  if (small_button(ui, ui.t("teacher.author.variables.add_flag"), "variable-add-flag"))
    ui.post([&w] {
      w.apply(ed::AddVariable{author::new_variable_id(w.doc().scenario(), VariableType::Flag),
                              VariableType::Flag});
    });
  ImGui::SameLine();
  if (small_button(ui, ui.t("teacher.author.variables.add_counter"), "variable-add-counter"))
    ui.post([&w] {
      w.apply(ed::AddVariable{author::new_variable_id(w.doc().scenario(), VariableType::Counter),
                              VariableType::Counter});
    });
  author_gap(ui, width, 16.0f);
}

}  // namespace upstander::dashboard
