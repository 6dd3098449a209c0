// Joining a class: the search for the teacher's server, the six code boxes (typed on the
// keyboard, or tapped on the pad under them), the address field as the fallback, the
// error in plain words; and the welcome with the student's name in this class.
#include <algorithm>
#include <string>

#include "key_input.hpp"
#include "upstander/ui/layout.hpp"
#include "screens.hpp"
#include "upstander/ui/shapes.hpp"
#include "upstander/ui/text_draw.hpp"

namespace upstander::app {

namespace {

constexpr std::size_t kPadColumns = 10;

// An InvisibleButton that takes part in the focus ring like big_button does.
bool field_button(Ui& ui, const char* id, ImVec2 size, bool& has_focus) {
  const ImGuiID gid = ImGui::GetID(id);
  const bool clicked = ImGui::InvisibleButton(id, size);
  ui.focus.order.push_back(gid);
  if (clicked) {
    ui.focus.focused = gid;
    ui.focus.visible = false;
  }
  has_focus = ui.focus.visible && ui.focus.focused == gid;
  bool pressed = clicked;
  if (has_focus && ui.focus.activate && !ui.focus.activated) {
    ui.focus.activated = true;
    pressed = true;
  }
  return pressed;
}

void focus_outline(Ui& ui, ImDrawList* dl, ImVec2 a, ImVec2 b) {
  dl->AddRect(ImVec2(a.x - 3, a.y - 3), ImVec2(b.x + 3, b.y + 3), ui.theme.focus_ring,
              ui.theme.rounding + 2, 0, 3.0f);
}

float compact_width(const Ui& ui, std::string_view label, std::string_view key) {
  return ui::measure(ui, ui.fonts.body, label).x +
         (key.empty() ? 0.0f : ui::measure(ui, ui.fonts.small, key).x + 32.0f * ui.s()) +
         28.0f * ui.s();
}

void discovery_line(Ui& ui, ui::Column& col) {
  const DiscoveryState d = ui.m.class_discovery();
  if (d.searching) {
    col.text(ui.t("game.class.join.searching"), "join-searching", ui.theme.text_muted,
             ui.fonts.small);
  } else if (d.done && d.servers.size() == 1) {
    col.text(ui.t("game.class.join.found", {{"address", d.servers.front()}}), "join-found",
             ui.theme.text_muted, ui.fonts.small);
  } else if (d.done && d.servers.size() > 1) {
    col.text(ui.t("game.class.join.found_many", {{"count", std::to_string(d.servers.size())}}),
             "join-found", ui.theme.text_muted, ui.fonts.small);
  } else if (d.done) {
    col.text(ui.t("game.class.join.not_found"), "join-not-found", ui.theme.text_muted,
             ui.fonts.small);
  }
}

// The symbol pad's grid: as many columns as fit keys a finger can hit.
struct PadGrid {
  std::size_t columns = kPadColumns;
  float key_w = 0.0f;
  float gap = 0.0f;
  float column_x(const ui::Column& col, std::size_t c) const {
    return col.x() + static_cast<float>(c) * (key_w + gap);
  }
};

PadGrid pad_grid(const Ui& ui, const ui::Column& col) {
  PadGrid g;
  g.gap = 6.0f * ui.s();
  // Each key at least a finger's 44 px: a phone held upright gets fewer, taller columns.
  constexpr float kFinger = 44.0f;
  while (g.columns > 4 &&
         (col.width() - g.gap * static_cast<float>(g.columns - 1)) / static_cast<float>(g.columns) <
             kFinger)
    --g.columns;
  g.key_w =
      (col.width() - g.gap * static_cast<float>(g.columns - 1)) / static_cast<float>(g.columns);
  return g;
}

// Where the six boxes and Delete go. On a wide pad they sit on the pad's columns (the
// boxes on six of them, Delete on the columns after), so the code lines up with the keys
// typed into it; on a narrow one the boxes are centred and Delete goes beside or below.
struct CodeRow {
  float x = 0.0f, box_w = 0.0f, gap = 0.0f;
  float erase_x = 0.0f, erase_w = 0.0f;
  bool beside = true;
};

CodeRow code_row(const Ui& ui, const ui::Column& col, float erase_min_w) {
  const PadGrid g = pad_grid(ui, col);
  CodeRow r;
  for (std::size_t erase_cols = 2; erase_cols <= 3 && kJoinCodeLength + erase_cols <= g.columns;
       ++erase_cols) {
    const float span =
        static_cast<float>(erase_cols) * g.key_w + static_cast<float>(erase_cols - 1) * g.gap;
    if (span < erase_min_w) continue;
    const std::size_t first = g.columns - erase_cols - kJoinCodeLength;
    r.x = g.column_x(col, first);
    r.box_w = g.key_w;
    r.gap = g.gap;
    r.erase_x = g.column_x(col, first + kJoinCodeLength);
    r.erase_w = span;
    return r;
  }
  r.gap = 10.0f * ui.s();
  r.box_w = std::min(72.0f * ui.s(), (col.width() - 5.0f * r.gap) / 6.0f);
  const float total = 6.0f * r.box_w + 5.0f * r.gap;
  r.erase_w = erase_min_w;
  r.beside = total + 2.0f * r.gap + erase_min_w <= col.width();
  r.x = col.x() + (col.width() - total) * 0.5f;
  if (r.beside) r.x = std::min(r.x, col.x() + col.width() - erase_min_w - 2.0f * r.gap - total);
  r.erase_x = col.x() + col.width() - erase_min_w;
  return r;
}

// Six boxes, one per symbol, large and upper case; the next one to fill is underlined
// while the code field is selected. Delete sits beside them where there is room.
void code_boxes(Ui& ui, ui::Column& col) {
  const JoinForm& form = ui.m.join_form();
  const bool selected = form.selected() == JoinField::Code;
  const std::string erase = ui.t("game.class.join.erase");
  const CodeRow row = code_row(ui, col, compact_width(ui, erase, hint::kBack));
  const float gap = row.gap;
  const float box_w = row.box_w;
  const float box_h = ui.fonts.title->FontSize + 30.0f * ui.s();
  const float total = 6.0f * box_w + 5.0f * gap;
  const float erase_w = row.erase_w;
  const bool beside = row.beside;
  const ImVec2 p(row.x, col.y());
  ImGui::SetCursorScreenPos(p);
  bool focused = false;
  if (field_button(ui, "code", ImVec2(total, box_h), focused))
    ui.post([&m = ui.m] { m.join_select(JoinField::Code); });
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ui::Theme& t = ui.theme;
  for (std::size_t i = 0; i < kJoinCodeLength; ++i) {
    const ImVec2 a(p.x + static_cast<float>(i) * (box_w + gap), p.y);
    const ImVec2 b(a.x + box_w, a.y + box_h);
    ui::fill_rounded(dl, a, b, t.card, t.rounding, 0, false);
    const bool next = selected && i == form.code().size();
    dl->AddRect(a, b, next ? t.accent : t.card_border, t.rounding, 0, next ? 3.0f : 1.5f);
    if (i < form.code().size()) {
      const std::string sym(1, form.code()[i]);
      ui::draw_centered(ui, dl, ui.fonts.title, a.x, b.x,
                        a.y + (box_h - ui.fonts.title->FontSize) * 0.5f, t.card_text, sym,
                        "join-code");
    } else if (next) {
      const float y = b.y - 10.0f * ui.s();
      dl->AddLine(ImVec2(a.x + box_w * 0.3f, y), ImVec2(b.x - box_w * 0.3f, y), t.accent,
                  3.0f * ui.s());
    }
  }
  if (focused) focus_outline(ui, dl, p, ImVec2(p.x + total, p.y + box_h));
  const float erase_h = ui::button_height(ui, erase, hint::kBack, erase_w);
  ImGui::SetCursorScreenPos(beside ? ImVec2(row.erase_x, p.y + (box_h - erase_h) * 0.5f)
                                   : ImVec2(row.erase_x, p.y + box_h + gap));
  if (ui::big_button(ui, "erase", erase, hint::kBack, erase_w, ui::ButtonKind::Quiet))
    ui.post([&m = ui.m] { m.join_erase(); });
  col.space((beside ? box_h : box_h + gap + erase_h) / ui.s() + 12.0f);
}

// The code's symbols as buttons for a mouse or a touch screen. Keyboard users type: the
// pad stays out of the focus ring so Tab reaches the address and Join quickly.
void symbol_pad(Ui& ui, ui::Column& col) {
  const PadGrid g = pad_grid(ui, col);
  const float gap = g.gap;
  const std::size_t columns = g.columns;
  const float w = g.key_w;
  const float h = std::max(ui.fonts.body->FontSize + 12.0f * ui.s(), 44.0f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ui::Theme& t = ui.theme;
  float y = col.y();
  for (std::size_t i = 0; i < kJoinCodeAlphabet.size(); ++i) {
    const std::size_t c = i % columns;
    if (i > 0 && c == 0) y += h + gap;
    const ImVec2 a(col.x() + static_cast<float>(c) * (w + gap), y);
    const char sym = kJoinCodeAlphabet[i];
    ImGui::SetCursorScreenPos(a);
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::InvisibleButton("pad", ImVec2(w, h))) {
      ui.post([&m = ui.m, sym] {
        m.join_select(JoinField::Code);
        m.join_type(sym);
      });
    }
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    const ImVec2 b(a.x + w, a.y + h);
    if (ui.controls) ui.controls->add(std::string_view(&sym, 1), "", a, b);
    ui::fill_rounded(dl, a, b, hovered ? t.button_hover : t.button, t.rounding * 0.7f, 0, false);
    dl->AddRect(a, b, t.button_border, t.rounding * 0.7f, 0, 1.0f);
    ui::draw_centered(ui, dl, ui.fonts.body, a.x, b.x, a.y + (h - ui.fonts.body->FontSize) * 0.5f,
                      t.button_text, std::string(1, sym), "join-pad");
  }
  col.space((y + h - col.y()) / ui.s() + 12.0f);
}

// The address, with "look again" beside it once a search found nothing.
void address_field(Ui& ui, ui::Column& col) {
  const JoinForm& form = ui.m.join_form();
  const bool selected = form.selected() == JoinField::Address;
  const float pad = 12.0f * ui.s();
  const DiscoveryState d = ui.m.class_discovery();
  const bool again = d.done && !d.searching && d.servers.empty();
  const std::string again_label = ui.t("game.class.join.search_again");
  const float again_w = again ? compact_width(ui, again_label, "") : 0.0f;
  const float h = std::max(ui.fonts.body->FontSize + 2.0f * pad,
                           again ? ui::button_height(ui, again_label, "", again_w) : 0.0f);
  const float w = col.width() - (again ? again_w + 10.0f * ui.s() : 0.0f);
  const ImVec2 a(col.x(), col.y());
  const ImVec2 b(a.x + w, a.y + h);
  ImGui::SetCursorScreenPos(a);
  bool focused = false;
  if (field_button(ui, "address", ImVec2(w, h), focused))
    ui.post([&m = ui.m] { m.join_select(JoinField::Address); });
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ui::Theme& t = ui.theme;
  ui::fill_rounded(dl, a, b, t.card, t.rounding, 0, false);
  dl->AddRect(a, b, selected ? t.accent : t.card_border, t.rounding, 0, selected ? 3.0f : 1.5f);
  const bool empty = form.address().empty();
  const std::string shown = empty ? ui.t("game.class.join.address_example") : form.address();
  const ImVec2 ts = ui::draw_text(ui, dl, ui.fonts.body, ImVec2(a.x + pad, a.y + pad),
                                  empty ? t.text_muted : t.card_text, shown, 0.0f, "join-address",
                                  0.0f, w - 2.0f * pad);
  if (selected) {
    const float x = a.x + pad + (empty ? 0.0f : ts.x + 2.0f);
    dl->AddLine(ImVec2(x, a.y + pad), ImVec2(x, b.y - pad), t.accent, 2.0f * ui.s());
  }
  if (focused) focus_outline(ui, dl, a, b);
  if (again) {
    ImGui::SetCursorScreenPos(ImVec2(col.x() + col.width() - again_w, a.y));
    if (ui::big_button(ui, "search-again", again_label, "", again_w, ui::ButtonKind::Quiet, h))
      ui.post([&m = ui.m] { m.join_search_again(); });
  }
  col.space(h / ui.s() + 12.0f);
}

}  // namespace

void draw_join(Ui& ui, ImVec2 a, ImVec2 b) {
  if (!ui::begin_region("join", a, b)) return ui::end_region();
  ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + 20.0f * ui.s()));
  {
    ui::Column col(ui, 760.0f * ui.s());
    col.title(ui.t("game.class.join.title"), "join-title");
    discovery_line(ui, col);
    col.text(ui.t("game.class.join.code_prompt"), "join-code-prompt");
    code_boxes(ui, col);
    if (!ui.m.join_form().hint().empty())
      col.text(ui.t(ui.m.join_form().hint()), "join-hint", ui.theme.text_muted, ui.fonts.small);
    const std::string error = ui.m.join_error_text();
    if (!error.empty()) col.card("", error, ui.theme.calm, "join-error");
    symbol_pad(ui, col);
    if (ui.m.class_asks_address()) {
      col.text(ui.t("game.class.join.address_prompt"), "join-address-prompt", ui.theme.text_muted,
               ui.fonts.small);
      address_field(ui, col);
    }
    const bool busy = ui.m.joining();
    const int pressed =
        col.button_row("join-actions",
                       {busy ? ui.t("game.class.join.joining") : ui.t("game.class.join.join"),
                        ui.t("game.class.join.back")},
                       {std::string(hint::kContinue), std::string(hint::kPause)});
    if (pressed == 0) ui.post([&m = ui.m] { m.join_submit(); });
    if (pressed == 1) ui.post([&m = ui.m] { m.back_screen(); });
    col.text(ui.t("game.class.join.privacy"), "join-privacy", ui.theme.text_muted, ui.fonts.small);
  }
  ui::end_region();
}

void draw_class_welcome(Ui& ui, ImVec2 a, ImVec2 b) {
  const ClassSession* cs = ui.m.class_session();
  if (!cs) return;
  if (!ui::begin_region("class-welcome", a, b)) return ui::end_region();
  ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + 30.0f * ui.s()));
  {
    ui::Column col(ui, 720.0f * ui.s());
    col.title(ui.t("game.class.welcome.title"), "welcome-title");
    col.card("", ui.t("game.class.you_are", {{"name", ui.m.class_name()}}), ui.theme.calm,
             "welcome-name");
    col.text(ui.t(cs->collecting ? "game.class.welcome.collecting"
                                 : "game.class.welcome.not_collecting"),
             "welcome-collecting");
    col.text(ui.t("game.note.always"), "welcome-always", ui.theme.text_muted, ui.fonts.small);
    if (col.button("continue", ui.t("game.class.welcome.continue"), "1", ui::ButtonKind::Primary))
      ui.post([&m = ui.m] { m.class_welcome_done(); });
  }
  ui::end_region();
}

}  // namespace upstander::app
