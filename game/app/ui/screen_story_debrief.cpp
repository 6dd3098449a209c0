// The debrief at an ending: what happened, then the three layers (the person targeted,
// the people around, the rules), the excuses and thoughts met on the way, and help, led by
// the ending's help topics.
#include <algorithm>
#include <string>

#include "key_input.hpp"
#include "help_list.hpp"
#include "upstander/ui/layout.hpp"
#include "screens.hpp"
#include "source_link.hpp"
#include "upstander/ui/text_draw.hpp"

namespace upstander::app {

namespace {

// Each address on its own lines, broken only between its pieces (after '/', '.', ...) so
// no word is cut in two (issue 15 item 18); `width` is the column's.
std::string sources_line(const Ui& ui, const std::vector<std::string>& sources, float width) {
  if (sources.empty()) return "";
  std::string list;
  for (const std::string& s : sources) {
    std::string line;
    for (const std::string& piece : url_segments(s)) {
      if (!line.empty() && ui::measure(ui, ui.fonts.small, line + piece).x > width) {
        list += line + "\n";
        line.clear();
      }
      line += piece;
    }
    list += line + "\n";
  }
  list.pop_back();
  return ui.t("game.debrief.sources", {{"sources", list}});
}

std::string bullets(const Ui& ui, const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines)
    out += (out.empty() ? "" : "\n") + ui.t("game.debrief.met_item", {{"text", l}});
  return out;
}

// "The excuses you met today", and apart the thoughts: something short to leave with.
void cards_met_cards(Ui& ui, ui::Column& col) {
  const CardsMet met = ui.m.cards_met();
  if (!met.excuses.empty())
    col.card(ui.t("game.debrief.excuses_met"), bullets(ui, met.excuses), ui.theme.excuse,
             "debrief-excuses");
  if (!met.thoughts.empty())
    col.card(ui.t("game.debrief.thoughts_met"), bullets(ui, met.thoughts), ui.theme.thought,
             "debrief-thoughts");
}

void story_column(Ui& ui, const EndingBody& e) {
  ui::Column col(ui, ImGui::GetContentRegionAvail().x - 16.0f * ui.s());
  col.text(ui.t("game.debrief.heading"), "debrief-heading", ui.theme.text_muted, ui.fonts.small);
  col.title(ui.pick(e.title), "debrief-title");
  col.text(ui.pick(e.text), "debrief-text");
  col.card(ui.t("game.debrief.targeted"), ui.pick(e.targeted.text), ui.theme.calm,
           "debrief-targeted");
  col.card(ui.t("game.debrief.around"), ui.pick(e.around.text), ui.theme.card, "debrief-around");
  std::string rules = ui.pick(e.rules.text);
  const std::string src = sources_line(ui, e.rules.sources, col.width());
  col.card(ui.t("game.debrief.rules"), rules, ui.theme.fact, "debrief-rules");
  if (!src.empty()) col.text(src, "debrief-sources", ui.theme.text_muted, ui.fonts.small);
  cards_met_cards(ui, col);
  if (col.button("done", ui.t("game.debrief.continue"), hint::kContinue, ui::ButtonKind::Primary)) {
    ui.post([&m = ui.m] { m.debrief_done(); });
  }
}

void help_column(Ui& ui, const EndingBody& e) {
  ui::Column col(ui, ImGui::GetContentRegionAvail().x - 16.0f * ui.s());
  col.title(ui.t("game.help.title"), "debrief-help-title");
  col.text(ui.t("game.help.not_your_fault"), "debrief-help-intro");
  help_list(ui, col, ui.m.help(e.help));
}

}  // namespace

void draw_debrief(Ui& ui, ImVec2 a, ImVec2 b) {
  const Runner* r = ui.m.runner();
  if (!r || !r->at_ending()) return;
  const auto& e = r->node().as<EndingBody>();
  const float margin = 16.0f * ui.s();
  const float w = b.x - a.x - 2.0f * margin;
  if (w > 900.0f) {
    // Two columns: the story and its layers, and help beside it so it is never missed.
    const float left = std::min(w * 0.6f, 760.0f * ui.s());
    const float right = std::min(w - left - margin, 520.0f * ui.s());
    const float x = a.x + (b.x - a.x - left - right - margin) * 0.5f;
    if (ui::begin_region("debrief-story", ImVec2(x, a.y + margin), ImVec2(x + left, b.y)))
      story_column(ui, e);
    ui::end_region();
    if (ui::begin_region("debrief-help", ImVec2(x + left + margin, a.y + margin),
                         ImVec2(x + left + margin + right, b.y))) {
      help_column(ui, e);
    }
    ui::end_region();
    return;
  }
  const float cw = std::min(w, 760.0f * ui.s());
  const float x = a.x + (b.x - a.x - cw) * 0.5f;
  if (ui::begin_region("debrief", ImVec2(x, a.y + margin), ImVec2(x + cw, b.y))) {
    story_column(ui, e);
    help_column(ui, e);
  }
  ui::end_region();
}

}  // namespace upstander::app
