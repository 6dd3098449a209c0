// The scenario map: nodes in layers (from map_layout, laid out once per edit), choices as
// arrows, endings in their outcome's colour, problems as a red or amber ring. Scrolls with
// the wheel and the scroll bars, pans by dragging, and a click selects a node. Only what is
// in view is drawn, so a pack of a thousand nodes stays smooth.
#include <cmath>

#include "author_screens.hpp"
#include "charts.hpp"
#include "upstander/ui/shapes.hpp"
#include "upstander/ui/text_draw.hpp"
#include "upstander/ui/widgets.hpp"

namespace upstander::dashboard {

namespace {

ImU32 node_fill(const DashUi& ui, const author::MapNode& n) {
  if (n.outcome) return outcome_colour(ui.theme, std::string(name_of(*n.outcome)));
  if (n.kind == NodeKind::Reflection || n.kind == NodeKind::Fact) return ui.theme.calm;
  return ui.theme.panel;
}

void arrow(ImDrawList* dl, ImVec2 from, ImVec2 to, ImU32 colour, float s) {
  const float dx = std::max(40.0f * s, std::fabs(to.x - from.x) * 0.4f);
  dl->AddBezierCubic(from, ImVec2(from.x + dx, from.y), ImVec2(to.x - dx, to.y), to, colour,
                     1.5f * s);
  const float h = 7.0f * s;
  dl->AddTriangleFilled(to, ImVec2(to.x - h, to.y - h * 0.6f), ImVec2(to.x - h, to.y + h * 0.6f),
                        colour);
}

}  // namespace

void draw_author_map(DashUi& ui, ImVec2 a, ImVec2 b) {
  AuthorWorkspace& w = *ui.author;
  const author::MapLayout& map = w.map();
  const float z = ui.s();  // the map grows with the text
  ImGui::SetCursorScreenPos(a);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::ColorConvertU32ToFloat4(ui.theme.background));
  ImGui::BeginChild("author-map", ImVec2(b.x - a.x, b.y - a.y), true,
                    ImGuiWindowFlags_HorizontalScrollbar);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float margin = 20.0f * z;
  ImGui::Dummy(ImVec2(static_cast<float>(map.width) * z + 2 * margin,
                      static_cast<float>(map.height) * z + 2 * margin));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 clip_a = ImGui::GetWindowPos();
  const ImVec2 clip_b(clip_a.x + ImGui::GetWindowWidth(), clip_a.y + ImGui::GetWindowHeight());
  const auto at = [&](double x, double y) {
    return ImVec2(origin.x + margin + static_cast<float>(x) * z,
                  origin.y + margin + static_cast<float>(y) * z);
  };
  const float nw = 180.0f * z, nh = 64.0f * z;  // MapStyle's defaults
  const auto visible = [&](ImVec2 p, ImVec2 q) {
    return q.x >= clip_a.x && p.x <= clip_b.x && q.y >= clip_a.y && p.y <= clip_b.y;
  };

  for (const auto& e : map.edges) {
    const author::MapNode* f = map.find(e.from);
    const author::MapNode* t = map.find(e.to);
    if (!f || !t) continue;
    const ImVec2 p = at(f->x, f->y), q = at(t->x, t->y);
    const ImVec2 from(p.x + nw, p.y + nh * 0.5f), to(q.x, q.y + nh * 0.5f);
    if (!visible(ImVec2(std::min(from.x, to.x), std::min(from.y, to.y)),
                 ImVec2(std::max(from.x, to.x), std::max(from.y, to.y))))
      continue;
    arrow(dl, from, to, e.kind == author::EdgeKind::Choice ? ui.theme.accent : ui.theme.text_muted,
          z);
  }

  if (w.reveal_selection) {
    if (const author::MapNode* n = map.find(w.selected())) {
      ImGui::SetScrollX(std::max(0.0f, margin + static_cast<float>(n->x) * z + nw * 0.5f -
                                           ImGui::GetWindowWidth() * 0.5f));
      ImGui::SetScrollY(std::max(0.0f, margin + static_cast<float>(n->y) * z + nh * 0.5f -
                                           ImGui::GetWindowHeight() * 0.5f));
    }
    w.reveal_selection = false;
  }
  const bool hovered = ImGui::IsWindowHovered();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  bool clicked_node = false;
  for (const auto& n : map.nodes) {
    const ImVec2 p = at(n.x, n.y), q(p.x + nw, p.y + nh);
    if (!visible(p, q)) continue;
    const bool selected = n.id == w.selected();
    ui::panel(ui, dl, p, q, node_fill(ui, n),
              selected ? ui.theme.focus_ring : ui.theme.panel_border);
    if (selected) dl->AddRect(p, q, ui.theme.focus_ring, 6.0f * z, 0, 3.0f * z);
    if (n.problems.errors > 0 || n.problems.warnings > 0)
      dl->AddCircleFilled(
          ImVec2(q.x - 10.0f * z, p.y + 10.0f * z), 6.0f * z,
          n.problems.errors > 0 ? IM_COL32(200, 50, 40, 255) : IM_COL32(230, 160, 30, 255));
    const ImU32 ink = n.outcome ? IM_COL32(255, 255, 255, 255) : ui.theme.text;
    ui::draw_text(ui, dl, ui.fonts.small, ImVec2(p.x + 8.0f * z, p.y + 6.0f * z), ink, n.id, 0.0f,
                  "map-node");
    ui::draw_text(ui, dl, ui.fonts.small,
                  ImVec2(p.x + 8.0f * z, p.y + 8.0f * z + ui.fonts.small->FontSize), ink,
                  ui.t("teacher.author.kind." + std::string(name_of(n.kind))), 0.0f, "map-kind");
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && mouse.x >= p.x &&
        mouse.x <= q.x && mouse.y >= p.y && mouse.y <= q.y) {
      clicked_node = true;
      ui.post([&w, id = n.id] {
        w.select(id);
        w.reveal_selection = false;  // it is already in view
      });
    }
  }
  // Dragging the background pans the map.
  if (hovered && !clicked_node && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    const ImVec2 d = ImGui::GetIO().MouseDelta;
    ImGui::SetScrollX(ImGui::GetScrollX() - d.x);
    ImGui::SetScrollY(ImGui::GetScrollY() - d.y);
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

}  // namespace upstander::dashboard
