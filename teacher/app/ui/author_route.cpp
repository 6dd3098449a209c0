// Where a node goes next when the student is not asked: "next", or a route whose steps
// ("if <condition> go to <node>") sit above a default ("otherwise go to"); the node's own
// effects; and a decision's skip target with the skip rule checked as it is picked (a skip
// never reaches a harm, mixed or not fully supported ending).
#include "author_screens.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/author/route_editor.hpp"
#include "upstander/author/skip_check.hpp"

namespace upstander::dashboard {

namespace ed = author::edit;

namespace {

void route_line(DashUi& ui, const std::string& text, float width, const char* where, ImU32 colour) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 sz =
      ui::draw_text(ui, ImGui::GetWindowDrawList(), ui.fonts.small, p, colour, text, width, where);
  ImGui::Dummy(ImVec2(width, sz.y + 2.0f * ui.s()));
}

void route_steps(DashUi& ui, AuthorWorkspace& w, const Node& n, float width) {
  const Scenario& s = w.doc().scenario();
  for (std::size_t i = 0; i < n.route.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    const bool last = i + 1 == n.route.size();
    std::string target = n.route[i].to.id;
    if (!last) {
      route_line(ui, ui.t("teacher.author.route.step", {{"n", std::to_string(i + 1)}}), width,
                 "route-step", ui.theme.text);
      const ConditionChange c =
          condition_editor(ui, "route-if", s, n.route[i].condition, false, width);
      if (c.changed && c.condition) {
        if (auto cmd = author::set_route_condition(n, i, *c.condition))
          ui.post([&w, cmd = *cmd, typing = c.typing] { w.apply(cmd, typing); });
      }
    }
    const std::string label =
        last ? ui.t("teacher.author.route.otherwise") : ui.t("teacher.author.route.to");
    if (id_combo(ui, "route-to", label, node_ids(s), target, width)) {
      if (auto cmd = author::set_route_target(n, i, target))
        ui.post([&w, cmd = *cmd] { w.apply(cmd); });
    }
    if (!last &&
        small_button(ui, ui.t("teacher.author.route.remove", {{"n", std::to_string(i + 1)}}),
                     "route-remove")) {
      if (auto cmd = author::remove_route_step(n, i)) ui.post([&w, cmd = *cmd] { w.apply(cmd); });
    }
    author_gap(ui, width, 6.0f);
    ImGui::PopID();
  }
}

}  // namespace

void draw_author_route(DashUi& ui, const Node& n, float width) {
  AuthorWorkspace& w = *ui.author;
  const Scenario& s = w.doc().scenario();
  if (n.is_ending()) return;
  if (!n.route.empty() || (n.next && n.kind != NodeKind::Reflection)) {
    if (w.reveal_section == "route") {
      ImGui::SetScrollHereY(0.0f);
      w.reveal_section.clear();
    }
    author_heading(ui, width, ui.t("teacher.author.route.title"), "author-route-heading");
    route_steps(ui, w, n, width);
    if (s.variables.empty()) {
      route_line(ui, ui.t("teacher.author.cond.no_variables"), width, "route-no-variables",
                 ui.theme.text_muted);
    } else if (small_button(
                   ui,
                   ui.t(n.route.empty() ? "teacher.author.route.make" : "teacher.author.route.add"),
                   "route-add")) {
      if (auto cmd = author::add_route_step(s, n)) ui.post([&w, cmd = *cmd] { w.apply(cmd); });
    }
    author_gap(ui, width, 8.0f);
  }
  const EffectsChange e = effects_editor(ui, "node-effects", s, n.effects,
                                         ui.t("teacher.author.effect.title_node"), width);
  if (e.changed)
    ui.post([&w, node = n.id, effects = e.effects, typing = e.typing] {
      w.apply(ed::SetNodeEffects{node, effects}, typing);
    });
  author_gap(ui, width, 8.0f);
}

void draw_author_skip(DashUi& ui, const Node& n, float width) {
  AuthorWorkspace& w = *ui.author;
  const Scenario& s = w.doc().scenario();
  // Safe targets first; an unsafe one says so in the list before it is picked.
  std::vector<ComboItem> targets{{"", ui.t("teacher.author.node.skip_none")}};
  for (const auto& c : author::skip_candidates(s, n.id)) {
    targets.push_back({c.node, c.check.safe
                                   ? c.node
                                   : ui.t("teacher.author.skip.unsafe_item", {{"id", c.node}})});
  }
  std::string skip = n.skip_to ? n.skip_to->id : "";
  if (w.reveal_section == "skip") {
    ImGui::SetScrollHereY(0.0f);
    w.reveal_section.clear();
  }
  if (item_combo(ui, "skip", ui.t("teacher.author.node.skip"), targets, skip, width))
    ui.post([&w, node = n.id, skip] { w.apply(ed::SetSkipTo{node, skip}); });
  if (!n.skip_to) {
    route_line(ui, ui.t("teacher.author.skip.missing"), width, "skip-missing", ui.theme.text_muted);
    return;
  }
  const author::SkipCheck check = author::check_skip_target(s, n.skip_to->id);
  if (check.safe) {
    route_line(ui, ui.t("teacher.author.skip.safe"), width, "skip-safe", ui.theme.text_muted);
    return;
  }
  std::string path;
  for (const auto& step : check.path) path += (path.empty() ? "" : " → ") + step;
  const Node* ending = s.find_node(check.ending);
  const std::string outcome =
      ending ? ui.t("teacher.outcome." + std::string(name_of(ending->as<EndingBody>().outcome)))
             : "";
  route_line(ui,
             ui.t("teacher.author.skip.unsafe",
                  {{"ending", check.ending}, {"outcome", outcome}, {"path", path}}),
             width, "skip-unsafe", ui.theme.ripple);
}

}  // namespace upstander::dashboard
