// The condition builder and the effects list as controls: each row is a variable picker,
// then the operators (or actions) its type allows, then a number for counters, so nothing
// chosen here can be an invalid condition or effect (the author library's builder models
// decide what is offered). Rows sit in "all of" / "any of" groups that nest.
#include "author_screens.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/author/condition_builder.hpp"
#include "upstander/author/effect_builder.hpp"

namespace upstander::dashboard {

namespace {

using author::BuiltCondition;
using author::TermOp;
using BK = BuiltCondition::Kind;

std::vector<ComboItem> variable_items(const Scenario& s) {
  std::vector<ComboItem> out;
  for (const auto& v : s.variables) out.push_back({v.id, v.id});
  return out;
}

const Variable* variable_of(const Scenario& s, const std::string& id) {
  for (const auto& v : s.variables) {
    if (v.id == id) return &v;
  }
  return nullptr;
}

std::string op_key(TermOp op) {
  switch (op) {
    case TermOp::IsOn: return "on";
    case TermOp::IsOff: return "off";
    case TermOp::Eq: return "eq";
    case TermOp::Ne: return "ne";
    case TermOp::Lt: return "lt";
    case TermOp::Le: return "le";
    case TermOp::Gt: return "gt";
    case TermOp::Ge: return "ge";
  }
  return "eq";
}

// The group's join in words: all of / any of, and their negations.
std::string join_key(const BuiltCondition& g) {
  if (g.kind == BK::All) return g.negated ? "not_all" : "all";
  return g.negated ? "none" : "any";
}

// The width of the row's remove button, so the row's pickers leave room for it.
float remove_width(DashUi& ui) {
  const std::string label = ui.t("teacher.author.cond.remove");
  return ImGui::CalcTextSize(label.c_str()).x + 2.0f * ImGui::GetStyle().FramePadding.x;
}

// A number field for an int64; true on a change (a keystroke).
bool number_field(DashUi& ui, const char* id, std::int64_t& value, float width) {
  ImGui::SetNextItemWidth(width);
  const bool changed = ImGui::InputScalar(id, ImGuiDataType_S64, &value);
  if (ImGui::IsItemDeactivated() && ui.author) ui.post([w = ui.author] { w->end_typing(); });
  return changed;
}

struct BuilderFrame {
  DashUi& ui;
  const Scenario& s;
  BuiltCondition& root;
  ConditionChange& change;
  bool optional;  // the whole condition may go (a choice's, not a route step's)
};

void term_row(BuilderFrame& f, BuiltCondition& term, const std::vector<std::size_t>& path,
              float width) {
  DashUi& ui = f.ui;
  const float gap = 6.0f * ui.s();
  const float remove_w = remove_width(ui);
  const Variable* v = variable_of(f.s, term.variable);
  const bool counter = v && v->type == VariableType::Counter;
  const float var_w = std::floor((width - remove_w - 3 * gap) * (counter ? 0.42f : 0.55f));
  const float op_w = std::floor((width - remove_w - 3 * gap) * (counter ? 0.33f : 0.45f));
  const float value_w = width - remove_w - 3 * gap - var_w - op_w;
  std::string var = term.variable;
  ImGui::SetNextItemWidth(var_w);
  if (ImGui::BeginCombo("##var", ui::widget_label(ui, var, "condition-variable").c_str())) {
    for (const auto& it : variable_items(f.s)) {
      if (ImGui::Selectable(ui::widget_label(ui, it.words, "condition-variable").c_str(),
                            it.value == var) &&
          author::set_variable(term, f.s, it.value))
        f.change.changed = true;
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine(0.0f, gap);
  ImGui::SetNextItemWidth(op_w);
  const std::string shown = (term.negated ? ui.t("teacher.author.cond.negated") + " " : "") +
                            ui.t("teacher.author.cond.op." + op_key(term.op));
  if (ImGui::BeginCombo("##op", ui::widget_label(ui, shown, "condition-op").c_str())) {
    if (v) {
      for (TermOp op : author::ops_for(v->type)) {
        const std::string words = ui.t("teacher.author.cond.op." + op_key(op));
        if (ImGui::Selectable(ui::widget_label(ui, words, "condition-op").c_str(), op == term.op) &&
            author::set_op(term, f.s, op))
          f.change.changed = true;
      }
    }
    ImGui::EndCombo();
  }
  if (counter) {
    ImGui::SameLine(0.0f, gap);
    std::int64_t value = term.value;
    if (number_field(ui, "##value", value, value_w) && author::set_value(term, f.s, value)) {
      f.change.changed = true;
      f.change.typing = true;
    }
  }
  // A route step's only row stays: a step always has a condition.
  if (path.empty() && !f.optional) return;
  ImGui::SameLine(0.0f, gap);
  if (small_button(ui, ui.t("teacher.author.cond.remove"), "condition-remove")) {
    if (!author::remove_at(f.root, path)) f.change.cleared = true;
    f.change.changed = true;
  }
}

void group_rows(BuilderFrame& f, BuiltCondition& g, const std::vector<std::size_t>& path,
                float width) {
  DashUi& ui = f.ui;
  std::vector<ComboItem> joins;
  for (const char* k : {"all", "any", "none", "not_all"})
    joins.push_back({k, ui.t(std::string("teacher.author.cond.group.") + k)});
  std::string join = join_key(g);
  if (item_combo(ui, "join", "", joins, join, width * 0.6f)) {
    g.kind = join == "all" || join == "not_all" ? BK::All : BK::Any;
    g.negated = join == "none" || join == "not_all";
    f.change.changed = true;
  }
  const float indent = 14.0f * ui.s();
  ImGui::Indent(indent);
  for (std::size_t i = 0; i < g.children.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    std::vector<std::size_t> child = path;
    child.push_back(i);
    if (g.children[i].kind == BK::Term)
      term_row(f, g.children[i], child, width - indent);
    else
      group_rows(f, g.children[i], child, width - indent);
    ImGui::PopID();
    if (f.change.changed) break;  // the tree changed under the loop: draw it next frame
  }
  if (!f.change.changed) {
    if (small_button(ui, ui.t("teacher.author.cond.add_row"), "condition-add-row")) {
      f.change.changed = author::add_term(f.root, path, f.s);
    }
    ImGui::SameLine();
    if (path.size() < 3 &&
        small_button(ui, ui.t("teacher.author.cond.add_group"), "condition-add-group")) {
      f.change.changed = author::add_group(f.root, path, BK::Any, f.s);
    }
    if (!path.empty()) {
      ImGui::SameLine();
      if (small_button(ui, ui.t("teacher.author.cond.remove_group"), "condition-remove-group")) {
        author::remove_at(f.root, path);
        f.change.changed = true;
      }
    }
  }
  ImGui::Unindent(indent);
}

void muted_line(DashUi& ui, const std::string& text, float width, const char* where, ImU32 colour) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 sz =
      ui::draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, p, colour, text, width, where);
  ImGui::Dummy(ImVec2(width, sz.y + 2.0f * ui.s()));
}

}  // namespace

ConditionChange condition_editor(DashUi& ui, const char* id, const Scenario& s,
                                 const std::optional<Condition>& current, bool optional,
                                 float width) {
  ConditionChange change;
  ImGui::PushID(id);
  if (!current) {
    if (s.variables.empty()) {
      muted_line(ui, ui.t("teacher.author.cond.no_variables"), width, "condition-no-variables",
                 ui.theme.text_muted);
    } else if (small_button(ui, ui.t("teacher.author.cond.add_condition"), "condition-add")) {
      change.changed = true;
      change.condition = author::to_condition(*author::first_term(s));
    }
    ImGui::PopID();
    return change;
  }
  std::optional<BuiltCondition> built = author::from_condition(*current, s);
  if (!built) {
    muted_line(ui, ui.t("teacher.author.cond.file_only"), width, "condition-file-only",
               ui.theme.text_muted);
  } else {
    BuilderFrame f{ui, s, *built, change, optional};
    if (built->kind == BK::Term) {
      term_row(f, *built, {}, width);
      if (!change.changed &&
          small_button(ui, ui.t("teacher.author.cond.add_row"), "condition-add-row"))
        change.changed = author::add_term(*built, {}, s);
    } else {
      group_rows(f, *built, {}, width);
    }
    if (change.changed && !change.cleared) change.condition = author::to_condition(*built);
  }
  if (optional && !change.changed &&
      small_button(ui, ui.t("teacher.author.cond.remove_condition"), "condition-clear")) {
    change.changed = true;
    change.cleared = true;
  }
  if (change.cleared) change.condition.reset();
  // A required condition (a route step) cannot be removed whole; its last row stays.
  if (!optional && change.changed && !change.condition) change.changed = false;
  ImGui::PopID();
  return change;
}

EffectsChange effects_editor(DashUi& ui, const char* id, const Scenario& s,
                             const std::vector<Effect>& current, const std::string& title,
                             float width) {
  EffectsChange change;
  change.effects = current;
  ImGui::PushID(id);
  muted_line(ui, title, width, "effects-title", ui.theme.text_muted);
  const float gap = 6.0f * ui.s();
  const float remove_w = remove_width(ui);
  for (std::size_t i = 0; i < current.size() && !change.changed; ++i) {
    ImGui::PushID(static_cast<int>(i));
    const Effect& e = current[i];
    const Variable* v = variable_of(s, e.var.id);
    const bool counter = v && v->type == VariableType::Counter;
    const float var_w = std::floor((width - remove_w - 3 * gap) * (counter ? 0.42f : 0.55f));
    const float act_w = std::floor((width - remove_w - 3 * gap) * (counter ? 0.33f : 0.45f));
    ImGui::SetNextItemWidth(var_w);
    if (ImGui::BeginCombo("##var", ui::widget_label(ui, e.var.id, "effect-variable").c_str())) {
      for (const auto& it : variable_items(s)) {
        if (ImGui::Selectable(ui::widget_label(ui, it.words, "effect-variable").c_str(),
                              it.value == e.var.id)) {
          if (auto moved = author::with_variable(s, e, it.value)) {
            change.effects[i] = *moved;
            change.changed = true;
          }
        }
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine(0.0f, gap);
    ImGui::SetNextItemWidth(act_w);
    const author::EffectAction action = author::action_of(e);
    const std::string shown =
        ui.t("teacher.author.effect.action." + std::string(author::name_of(action)));
    if (ImGui::BeginCombo("##action", ui::widget_label(ui, shown, "effect-action").c_str())) {
      if (v) {
        for (auto a : author::actions_for(v->type)) {
          const std::string words =
              ui.t("teacher.author.effect.action." + std::string(author::name_of(a)));
          if (ImGui::Selectable(ui::widget_label(ui, words, "effect-action").c_str(),
                                a == action)) {
            if (auto made = author::make_effect(s, e.var.id, a, e.value)) {
              change.effects[i] = *made;
              change.changed = true;
            }
          }
        }
      }
      ImGui::EndCombo();
    }
    if (counter) {
      ImGui::SameLine(0.0f, gap);
      std::int64_t value = e.value;
      if (number_field(ui, "##value", value, width - remove_w - 3 * gap - var_w - act_w)) {
        if (auto made = author::make_effect(s, e.var.id, action, value)) {
          change.effects[i] = *made;
          change.changed = true;
          change.typing = true;
        }
      }
    }
    ImGui::SameLine(0.0f, gap);
    if (small_button(ui, ui.t("teacher.author.cond.remove"), "effect-remove")) {
      change.effects.erase(change.effects.begin() + static_cast<std::ptrdiff_t>(i));
      change.changed = true;
    }
    ImGui::PopID();
  }
  if (!change.changed) {
    if (s.variables.empty()) {
      muted_line(ui, ui.t("teacher.author.cond.no_variables"), width, "effects-no-variables",
                 ui.theme.text_muted);
    } else if (small_button(ui, ui.t("teacher.author.effect.add_row"), "effect-add")) {
      change.effects.push_back(*author::first_effect(s));
      change.changed = true;
    }
  }
  ImGui::PopID();
  return change;
}

}  // namespace upstander::dashboard
