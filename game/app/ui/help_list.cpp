// The help list: one card per place to get help.
#include "help_list.hpp"

#include "upstander/ui/shapes.hpp"
#include "upstander/ui/text_draw.hpp"

namespace upstander::app {

void help_list(ui::DrawContext& ui, ui::Column& col, const HelpView& help) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ui::Theme& t = ui.theme;
  const float pad = 12.0f * ui.s();
  const float inner = col.width() - 2.0f * pad;
  for (const auto& e : help.entries) {
    const float nh = ui::measure(ui, ui.fonts.body, e.name, inner).y;
    const float ch =
        e.contact.empty() ? 0.0f : ui::measure(ui, ui.fonts.title, e.contact, inner).y + 4.0f;
    const float wh = ui::measure(ui, ui.fonts.small, e.what, inner).y;
    const float hh = e.hours.empty() ? 0.0f : ui.fonts.small->FontSize + 4.0f;
    const ImVec2 a(col.x(), col.y());
    const ImVec2 b(col.x() + col.width(), col.y() + nh + ch + wh + hh + 2.0f * pad + 8.0f);
    ui::panel(ui, dl, a, b, t.card, t.card_border);
    ui::fill_rounded(dl, a, ImVec2(a.x + 5.0f, b.y), t.accent, 3.0f);
    float y = col.y() + pad;
    y += ui::draw_text(ui, dl, ui.fonts.body, ImVec2(col.x() + pad, y), t.card_text, e.name, inner,
                       "help-name")
             .y +
         2.0f;
    if (!e.contact.empty()) {
      y += ui::draw_text(ui, dl, ui.fonts.title, ImVec2(col.x() + pad, y), t.accent, e.contact,
                         inner, "help-contact")
               .y +
           4.0f;
    }
    y += ui::draw_text(ui, dl, ui.fonts.small, ImVec2(col.x() + pad, y), t.text_muted, e.what,
                       inner, "help-what")
             .y +
         4.0f;
    if (!e.hours.empty())
      ui::draw_text(ui, dl, ui.fonts.small, ImVec2(col.x() + pad, y), t.text_muted, e.hours, inner,
                    "help-hours");
    col.move_to(b.y + 10.0f * ui.s());
  }
}

}  // namespace upstander::app
