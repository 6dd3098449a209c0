// Structural edits of the selected node: add one after it (id and kind), rename it, delete
// it after a confirmation that offers to send its incoming links elsewhere, and choose the
// pack's start node. Each is one edit command, so undo brings everything back.
#include <algorithm>

#include "author_screens.hpp"
#include "upstander/ui/text_draw.hpp"

namespace upstander::dashboard {

namespace ed = author::edit;

namespace {

void add_node_row(DashUi& ui, AuthorWorkspace& w, float width) {
  const float half = std::floor((width - 10.0f * ui.s()) * 0.5f);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  text_field(ui, "new-node", ui.t("teacher.author.nodes.new_id"), w.new_node_input, half);
  const float y1 = ImGui::GetCursorScreenPos().y;
  ImGui::SetCursorScreenPos(ImVec2(p.x + half + 10.0f * ui.s(), p.y));
  std::string kind(name_of(w.new_node_kind));
  if (item_combo(ui, "new-node-kind", ui.t("teacher.author.nodes.new_kind"), kind_items(ui), kind,
                 half)) {
    if (const auto k = parse_name<NodeKind>(kind)) w.new_node_kind = *k;
  }
  ImGui::SetCursorScreenPos(ImVec2(p.x, std::max(y1, ImGui::GetCursorScreenPos().y)));
  if (small_button(ui, ui.t("teacher.author.nodes.add"), "node-add"))
    ui.post([&w] { w.add_node(w.new_node_input, w.new_node_kind); });
}

void rename_row(DashUi& ui, AuthorWorkspace& w, const Node& n, float width) {
  text_field(ui, "rename-node", ui.t("teacher.author.nodes.rename_to", {{"id", n.id}}),
             w.rename_input, width);
  if (small_button(ui, ui.t("teacher.author.nodes.rename"), "node-rename"))
    ui.post([&w, id = n.id] {
      if (w.apply(ed::RenameNode{id, w.rename_input})) w.rename_input.clear();
    });
  ImGui::SameLine();
  if (small_button(ui, ui.t("teacher.author.nodes.delete"), "node-delete"))
    // Bridging over a linear node is the usual wish: offer its next node first.
    ui.post([&w, next = n.next ? n.next->id : std::string()] {
      w.confirm_delete = true;
      w.delete_redirect = next;
    });
  // The order of nodes in the file (the map lays them out by the story, not by this).
  const auto& nodes = w.doc().scenario().nodes;
  const auto at = static_cast<std::size_t>(
      std::find_if(nodes.begin(), nodes.end(), [&](const Node& m) { return m.id == n.id; }) -
      nodes.begin());
  if (at > 0) {
    ImGui::SameLine();
    if (small_button(ui, ui.t("teacher.author.nodes.move_up"), "node-move-up"))
      ui.post([&w, id = n.id, at] { w.apply(ed::MoveNode{id, at - 1}); });
  }
  if (at + 1 < nodes.size()) {
    ImGui::SameLine();
    if (small_button(ui, ui.t("teacher.author.nodes.move_down"), "node-move-down"))
      ui.post([&w, id = n.id, at] { w.apply(ed::MoveNode{id, at + 1}); });
  }
}

// The confirmation: which nodes link here, and where those links should go instead.
void delete_dialog(DashUi& ui, AuthorWorkspace& w, const Node& n, float width) {
  const auto links = w.linking_to(n.id);
  std::string from;
  for (const auto& l : links) from += (from.empty() ? "" : ", ") + l;
  const std::string body =
      links.empty() ? ui.t("teacher.author.nodes.delete_unlinked", {{"id", n.id}})
                    : ui.t("teacher.author.nodes.delete_linked", {{"id", n.id}, {"from", from}});
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 sz = ui::draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.body, p, ui.theme.ripple,
                                  body, width, "node-delete-confirm");
  ImGui::Dummy(ImVec2(width, sz.y + 4.0f * ui.s()));
  if (!links.empty()) {
    std::vector<ComboItem> targets{{"", ui.t("teacher.author.nodes.redirect_none")}};
    for (const auto& id : node_ids(w.doc().scenario())) {
      if (id != n.id) targets.push_back({id, id});
    }
    item_combo(ui, "redirect", ui.t("teacher.author.nodes.redirect"), targets, w.delete_redirect,
               width);
  }
  if (small_button(ui, ui.t("teacher.author.nodes.delete_confirm", {{"id", n.id}}),
                   "node-delete-yes"))
    ui.post([&w] { w.delete_selected(w.delete_redirect); });
  ImGui::SameLine();
  if (small_button(ui, ui.t("teacher.author.nodes.cancel"), "node-delete-no"))
    ui.post([&w] { w.confirm_delete = false; });
}

}  // namespace

void draw_author_node_tools(DashUi& ui, float width) {
  AuthorWorkspace& w = *ui.author;
  const Scenario& s = w.doc().scenario();
  author_heading(ui, width,
                 ui.t("teacher.author.nodes.title", {{"count", std::to_string(s.nodes.size())}}),
                 "author-nodes-heading");
  std::string start = s.start.id;
  if (id_combo(ui, "start", ui.t("teacher.author.nodes.start"), node_ids(s), start, width))
    ui.post([&w, start] { w.apply(ed::SetStart{start}); });
  author_gap(ui, width, 4.0f);
  add_node_row(ui, w, width);
  author_gap(ui, width, 12.0f);
}

void draw_author_node_actions(DashUi& ui, const Node& n, float width) {
  AuthorWorkspace& w = *ui.author;
  if (w.confirm_delete)
    delete_dialog(ui, w, n, width);
  else
    rename_row(ui, w, n, width);
  author_gap(ui, width, 8.0f);
}

}  // namespace upstander::dashboard
