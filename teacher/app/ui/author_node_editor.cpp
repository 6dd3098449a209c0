// The node editor: every field is a typed control (text boxes for words, pickers for ids,
// kinds, the condition builder and effect rows), so nothing typed here can break the file's
// syntax; each change is one of the author library's edit commands (undo and redo work on
// all of them, and typing into one field is one step).
#include "author_screens.hpp"
#include "charts.hpp"
#include "dashboard_screens.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/author/text_slots.hpp"
#include "upstander/node_fields.hpp"
#include "upstander/ui/widgets.hpp"

namespace upstander::dashboard {

namespace ed = author::edit;
using ui::draw_text;

namespace {

// Who speaks in a node: the field node_kinds.hpp marks as the speaker (chat messages have
// their own "from").
std::string speaker_of(const Node& n) {
  const IdRef* ref = carried_field<IdRef>(n.body, Carries::Speaker);
  return ref ? ref->id : "";
}

bool has_speaker(const Node& n) {
  return carried_field<IdRef>(n.body, Carries::Speaker) != nullptr;
}

void choice_editor(DashUi& ui, AuthorWorkspace& w, const Node& n, const Choice& c, float width) {
  const Scenario& s = w.doc().scenario();
  ImGui::PushID(c.id.c_str());
  std::string target = c.to.id;
  if (id_combo(ui, "choice-target", ui.t("teacher.author.node.choice_target", {{"choice", c.id}}),
               node_ids(s), target, width))
    ui.post([&w, node = n.id, choice = c.id, target] {
      w.apply(ed::SetChoiceTarget{node, choice, target});
    });

  // When the choice is shown, from the condition builder; what choosing it changes.
  const ConditionChange cond =
      condition_editor(ui, "choice-condition", s, c.condition, true, width);
  if (cond.changed)
    ui.post([&w, node = n.id, choice = c.id, cond] {
      w.apply(ed::SetChoiceCondition{node, choice, cond.condition}, cond.typing);
    });
  const EffectsChange fx = effects_editor(ui, "choice-effects", s, c.effects,
                                          ui.t("teacher.author.effect.title_choice"), width);
  if (fx.changed)
    ui.post([&w, node = n.id, choice = c.id, fx] {
      w.apply(ed::SetChoiceEffects{node, choice, fx.effects}, fx.typing);
    });
  const std::string remove_choice = ui::widget_label(
      ui, ui.t("teacher.author.node.remove_choice", {{"choice", c.id}}), "choice-remove");
  if (ImGui::SmallButton(remove_choice.c_str()))
    ui.post([&w, node = n.id, choice = c.id] { w.apply(ed::RemoveChoice{node, choice}); });
  author_gap(ui, width);
  ImGui::PopID();
}

void kind_fields(DashUi& ui, AuthorWorkspace& w, const Node& n, float width) {
  const Scenario& s = w.doc().scenario();
  std::vector<std::string> characters{""};
  for (const auto& c : s.characters) characters.push_back(c.id);
  if (has_speaker(n)) {
    std::string who = speaker_of(n);
    if (id_combo(ui, "speaker", ui.t("teacher.author.node.speaker"), characters, who, width))
      ui.post([&w, node = n.id, who] { w.apply(ed::SetSpeaker{node, who}); });
  }
  if (const auto* end = std::get_if<EndingBody>(&n.body)) {
    std::string outcome(name_of(end->outcome));
    std::vector<ComboItem> outcomes;
    for (const auto& o : all_names<Outcome>())
      outcomes.push_back({o, ui.t("teacher.outcome." + o)});
    if (item_combo(ui, "outcome", ui.t("teacher.author.node.outcome"), outcomes, outcome, width)) {
      if (const auto o = parse_name<Outcome>(outcome))
        ui.post([&w, node = n.id, o] { w.apply(ed::SetOutcome{node, *o}); });
    }
  }
  if (n.next) {
    std::string next = n.next->id;
    if (id_combo(ui, "next", ui.t("teacher.author.node.next"), node_ids(s), next, width))
      ui.post([&w, node = n.id, next] { w.apply(ed::SetNext{node, next}); });
  }
}

}  // namespace

void draw_author_node(DashUi& ui, float width) {
  AuthorWorkspace& w = *ui.author;
  const Scenario& s = w.doc().scenario();
  const Node* n = s.find_node(w.selected());
  if (!n) return;
  if (w.reveal_in_editor) {
    // A node picked on the map or in the problems list: show its editor, not the pack's.
    ImGui::SetScrollHereY(0.0f);
    w.reveal_in_editor = false;
  }
  author_heading(ui, width, ui.t("teacher.author.node.title", {{"id", n->id}}),
                 "author-node-heading");
  draw_author_node_actions(ui, *n, width);
  std::string kind(name_of(n->kind));
  if (item_combo(ui, "kind", ui.t("teacher.author.node.kind"), kind_items(ui), kind, width)) {
    if (const auto k = parse_name<NodeKind>(kind))
      ui.post([&w, node = n->id, k] { w.apply(ed::ChangeKind{node, *k}); });
  }
  kind_fields(ui, w, *n, width);
  draw_author_kind_fields(ui, *n, width);
  author_gap(ui, width);
  const std::string prefix = author::node_key_prefix(n->id);
  author::for_each_slot(s, [&](const author::TextSlot& slot, const LocalizedText& text) {
    // A chat's message texts are edited with their message (draw_author_kind_fields).
    if (slot.node_id != n->id || slot.key.starts_with(prefix + "message/")) return;
    text_row(ui, slot.key, text, slot.key.substr(prefix.size()), width);
  });
  draw_author_route(ui, *n, width);
  if (!n->choices.empty()) {
    if (w.reveal_section == "choices") {
      ImGui::SetScrollHereY(0.0f);
      w.reveal_section.clear();
    }
    author_heading(ui, width, ui.t("teacher.author.node.choices"), "author-choices-heading");
  }
  for (const auto& c : n->choices) choice_editor(ui, w, *n, c, width);
  text_field(ui, "new-choice", ui.t("teacher.author.node.new_choice"), w.new_choice_input, width);
  if (ImGui::SmallButton(
          ui::widget_label(ui, ui.t("teacher.author.node.add_choice"), "add-choice").c_str()))
    ui.post([&w, node = n->id] {
      const auto& nodes = w.doc().scenario().nodes;
      const std::string target = nodes.back().id == node ? nodes.front().id : nodes.back().id;
      if (w.apply(ed::AddChoice{node, w.new_choice_input, target, std::nullopt}))
        w.new_choice_input.clear();
    });
  author_gap(ui, width, 24.0f);
}

void draw_author_pack(DashUi& ui, float width) {
  AuthorWorkspace& w = *ui.author;
  const Scenario& s = w.doc().scenario();
  author_heading(ui, width, ui.t("teacher.author.pack.title", {{"id", s.id}}),
                 "author-pack-heading");
  const std::string review =
      s.review.status == ReviewStatus::Draft
          ? ui.t("teacher.author.pack.draft")
          : ui.t("teacher.author.pack.reviewed", {{"by", s.review.by}, {"date", s.review.date}});
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 rs = draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.body, p, ui.theme.text,
                              review, width, "author-review");
  ImGui::Dummy(ImVec2(width, rs.y + 4.0f * ui.s()));
  text_field(ui, "review-by", ui.t("teacher.author.pack.review_by"), w.review_by_input, width);
  author_gap(ui, width, 4.0f);
  const std::vector<BarItem> items = {
      {"review-mark", ui.t("teacher.author.pack.mark_reviewed"), ui::ButtonKind::Normal,
       !w.review_by_input.empty()},
      {"review-draft", ui.t("teacher.author.pack.mark_draft"), ui::ButtonKind::Quiet,
       s.review.status != ReviewStatus::Draft},
  };
  const int pressed = button_bar(ui, ImGui::GetCursorScreenPos(), items, width);
  if (pressed == 0) ui.post([&w] { w.mark_reviewed(); });
  if (pressed == 1) ui.post([&w] { w.apply(ed::SetReview{ReviewStatus::Draft, "", ""}); });
  ImGui::Dummy(ImVec2(width, button_bar_height(ui) + 4.0f * ui.s()));
  // The pack's pages, each opened and closed in place above the node editor.
  const std::vector<BarItem> pages = {
      {"characters",
       ui.t(w.show_characters ? "teacher.author.pack.hide_characters"
                              : "teacher.author.pack.characters"),
       w.show_characters ? ui::ButtonKind::Normal : ui::ButtonKind::Quiet},
      {"variables",
       ui.t(w.show_variables ? "teacher.author.pack.hide_variables"
                             : "teacher.author.pack.variables"),
       w.show_variables ? ui::ButtonKind::Normal : ui::ButtonKind::Quiet},
      {"settings",
       ui.t(w.show_settings ? "teacher.author.pack.hide_settings" : "teacher.author.pack.settings"),
       w.show_settings ? ui::ButtonKind::Normal : ui::ButtonKind::Quiet}};
  const int page = button_bar(ui, ImGui::GetCursorScreenPos(), pages, width);
  if (page == 0) ui.post([&w] { w.reveal_page = w.show_characters = !w.show_characters; });
  if (page == 1) ui.post([&w] { w.reveal_page = w.show_variables = !w.show_variables; });
  if (page == 2) ui.post([&w] { w.reveal_page = w.show_settings = !w.show_settings; });
  ImGui::Dummy(ImVec2(width, button_bar_height(ui) + 8.0f * ui.s()));
  if (w.reveal_page) {
    // A page just opened: bring it into view, whatever node was scrolled to.
    ImGui::SetScrollHereY(0.0f);
    w.reveal_page = false;
    w.reveal_in_editor = false;  // the page wins over a node picked in the same frame
  }
  if (w.show_settings) draw_author_settings(ui, width);
  if (w.show_characters) draw_author_characters(ui, width);
  if (w.show_variables) draw_author_variables(ui, width);
}

}  // namespace upstander::dashboard
