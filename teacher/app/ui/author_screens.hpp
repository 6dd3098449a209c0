// Author mode's screens: choosing a pack (with the offer to recover unsaved work), and the
// editor (toolbar, map, node editor, characters, review, diagnostics, statistics).
#pragma once

#include <imgui.h>

#include <string>

#include "dash_ui.hpp"

namespace upstander::dashboard {

void draw_author(DashUi& ui, ImVec2 a, ImVec2 b);
void draw_author_open(DashUi& ui, ImVec2 a, ImVec2 b);
void draw_author_recovery(DashUi& ui);
void draw_author_map(DashUi& ui, ImVec2 a, ImVec2 b);
void draw_author_node(DashUi& ui, float width);
void draw_author_pack(DashUi& ui, float width);
// The pack's start node and adding a node after the selected one.
void draw_author_node_tools(DashUi& ui, float width);
// Renaming the selected node, and deleting it after a confirmation.
void draw_author_node_actions(DashUi& ui, const Node& n, float width);
// The characters: names in every language, avatars, adding and removing.
void draw_author_characters(DashUi& ui, float width);
// The fields of the selected node's kind that are not texts: messages, images, counts,
// sources, help topics, options, the skip target and the clock.
void draw_author_kind_fields(DashUi& ui, const Node& n, float width);
void draw_author_diagnostics(DashUi& ui, ImVec2 a, ImVec2 b);

// ImGui's own widgets with the dashboard's checks: the label goes through the text audit
// and the value's code points are reported when the font lacks them (they are then added).
bool text_field(DashUi& ui, const char* id, const std::string& label, std::string& value,
                float width, bool multiline = false);
bool id_combo(DashUi& ui, const char* id, const std::string& label,
              const std::vector<std::string>& ids, std::string& value, float width);
// A picker whose entries show words (from content/locale) for values (ids, enum names).
struct ComboItem {
  std::string value;
  std::string words;
};
bool item_combo(DashUi& ui, const char* id, const std::string& label,
                const std::vector<ComboItem>& items, std::string& value, float width);
// One text in every language of the pack, side by side.
void text_row(DashUi& ui, const std::string& key, const LocalizedText& text,
              const std::string& label, float width);
// A section title across the editor column.
void author_heading(DashUi& ui, float width, const std::string& text, const char* where);
void author_gap(const DashUi& ui, float width, float h = 8.0f);
// A small button with its label checked; true when pressed.
bool small_button(DashUi& ui, const std::string& label, const char* where);
std::vector<std::string> node_ids(const Scenario& s);
// The node kinds in the author's words.
std::vector<ComboItem> kind_items(const DashUi& ui);
// The author's words for an edit refused or a file problem, "" when none.
std::string author_message(const DashUi& ui);

// The condition builder (author_conditions.cpp). `changed` with the new condition
// (nullopt = none, only when `optional`); `typing` when a number was typed, so the edit
// folds into one undo step with the field's other keystrokes.
struct ConditionChange {
  bool changed = false;
  bool typing = false;
  bool cleared = false;
  std::optional<Condition> condition;
};
ConditionChange condition_editor(DashUi& ui, const char* id, const Scenario& s,
                                 const std::optional<Condition>& current, bool optional,
                                 float width);
struct EffectsChange {
  bool changed = false;
  bool typing = false;
  std::vector<Effect> effects;
};
EffectsChange effects_editor(DashUi& ui, const char* id, const Scenario& s,
                             const std::vector<Effect>& current, const std::string& title,
                             float width);
// Where a node without choices goes: "next", or a route of conditional steps above a
// default (author_route.cpp); and the node's own effects.
void draw_author_route(DashUi& ui, const Node& n, float width);
// The variables page: every variable with its uses, rename, delete when unused, add.
void draw_author_variables(DashUi& ui, float width);
// The pack's header: languages, audience, minutes, list order, goals, player, targeted.
void draw_author_settings(DashUi& ui, float width);
// The skip target of a decision, with the skip rule checked as it is picked.
void draw_author_skip(DashUi& ui, const Node& n, float width);

}  // namespace upstander::dashboard
