// Play: the phone in the middle, the choices as large buttons under it; and the reflection
// questions, which are asked of the student, not shown on the phone.
#include <algorithm>
#include <string>

#include "key_input.hpp"
#include "upstander/ui/layout.hpp"
#include "phone.hpp"
#include "screens.hpp"
#include "upstander/ui/text_draw.hpp"

namespace upstander::app {

namespace {

struct ChoiceButton {
  std::string label;
  std::string key;
  std::size_t visible_index;
};

std::vector<ChoiceButton> choice_buttons(const Ui& ui, const Runner& r) {
  std::vector<ChoiceButton> out;
  const auto shown = r.visible_choices();
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const Choice& c = r.node().choices[static_cast<std::size_t>(shown[i])];
    out.push_back({ui.pick(c.text), i < 9 ? std::to_string(i + 1) : "", i});
  }
  return out;
}

// The space between choice buttons; tight where the choices beside the phone would
// otherwise not fit (seven long choices at the largest text on 1024x600 under the key
// footer).
float choice_gap(const Ui& ui, bool tight = false) {
  return (tight ? 5.0f : 10.0f) * ui.s();
}

// Height of the area under the phone for this node's buttons.
float choices_height(const Ui& ui, const std::vector<ChoiceButton>& buttons, float width,
                     int columns, float gap) {
  if (buttons.empty())
    return ui::button_height(ui, ui.t("game.play.continue"), hint::kContinue, width * 0.5f) + gap;
  const float bw = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  float total = 0.0f;
  for (std::size_t row = 0; row * static_cast<std::size_t>(columns) < buttons.size(); ++row) {
    float h = 0.0f;
    for (int c = 0; c < columns; ++c) {
      const std::size_t i = row * static_cast<std::size_t>(columns) + static_cast<std::size_t>(c);
      if (i < buttons.size())
        h = std::max(h, ui::button_height(ui, buttons[i].label, buttons[i].key, bw));
    }
    total += h + gap;
  }
  return total;
}

}  // namespace

namespace {

// Draws the choice buttons (or Continue) in a block `width` wide starting at (x0, y).
void draw_choices(Ui& ui, const Runner& r, const std::vector<ChoiceButton>& buttons, float x0,
                  float y, float width, int columns, float gap) {
  const bool ready = ui.m.fully_revealed();
  if (buttons.empty()) {
    // Continue, and back one choice beside it.
    const float bw = columns == 1 && width < 600.0f * ui.s() ? width : width * 0.5f;
    float x = x0 + (width - bw) * 0.5f;
    if (r.can_go_back()) {
      const float back_w = std::min(180.0f * ui.s(), x - x0 - gap);
      if (back_w > 60.0f * ui.s()) {
        ImGui::SetCursorScreenPos(ImVec2(x - back_w - gap, y));
        if (ui::big_button(ui, "back", ui.t("game.play.back"), hint::kBack, back_w,
                           ui::ButtonKind::Quiet)) {
          ui.post([&m = ui.m] { m.go_back(); });
        }
      } else {
        ImGui::SetCursorScreenPos(ImVec2(x0, y));
        if (ui::big_button(ui, "back", ui.t("game.play.back"), hint::kBack, width,
                           ui::ButtonKind::Quiet)) {
          ui.post([&m = ui.m] { m.go_back(); });
        }
        y = ImGui::GetItemRectMax().y + gap;
      }
    }
    ImGui::SetCursorScreenPos(ImVec2(x, y));
    const std::string label = ready ? ui.t("game.play.continue") : ui.t("game.play.show_all");
    if (ui::big_button(ui, "continue", label, hint::kContinue, bw, ui::ButtonKind::Primary)) {
      ui.post([&m = ui.m] { m.continue_story(); });
    }
    return;
  }
  if (!ready) return;  // read first: the choices appear once every message is there
  const float bw = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  for (std::size_t row = 0; row * static_cast<std::size_t>(columns) < buttons.size(); ++row) {
    float h = 0.0f;
    for (int c = 0; c < columns; ++c) {
      const std::size_t i = row * static_cast<std::size_t>(columns) + static_cast<std::size_t>(c);
      if (i < buttons.size())
        h = std::max(h, ui::button_height(ui, buttons[i].label, buttons[i].key, bw));
    }
    for (int c = 0; c < columns; ++c) {
      const std::size_t i = row * static_cast<std::size_t>(columns) + static_cast<std::size_t>(c);
      if (i >= buttons.size()) break;
      ImGui::SetCursorScreenPos(ImVec2(x0 + static_cast<float>(c) * (bw + gap), y));
      ImGui::PushID(static_cast<int>(i));
      if (ui::big_button(ui, "choice", buttons[i].label, buttons[i].key, bw, ui::ButtonKind::Normal,
                         h)) {
        const std::size_t n = buttons[i].visible_index;
        ui.post([&m = ui.m, n] { m.choose(n); });
      }
      ImGui::PopID();
    }
    y += h + gap;
  }
}

}  // namespace

void draw_play(Ui& ui, ImVec2 a, ImVec2 b) {
  const Runner* r = ui.m.runner();
  if (!r) return;
  const float margin = 12.0f * ui.s();
  const float min_phone = 400.0f * ui.s();
  const auto buttons = choice_buttons(ui, *r);
  const float avail_w = b.x - a.x - 2.0f * margin;
  const float avail_h = b.y - a.y - 2.0f * margin;

  // Under the phone when there is room; on small, wide windows (1024x600 with large
  // text) the choices move beside the phone so the phone stays readable.
  const float under_w = std::min(avail_w, 900.0f * ui.s());
  // A phone held upright (a browser on a phone): the phone fills the width, the choices
  // stack below it, one per row, whatever room that leaves the phone.
  const bool portrait = avail_w < 600.0f * ui.s() && avail_w < avail_h;
  const int under_cols = buttons.size() > 2 && !portrait ? 2 : 1;
  const float under_h = choices_height(ui, buttons, under_w, under_cols, choice_gap(ui));
  ImVec2 pa, pb;
  if (portrait || avail_h - under_h - margin >= std::max(min_phone, 0.78f * avail_h)) {
    phone_rect(ImVec2(a.x + margin, a.y + margin),
               ImVec2(b.x - margin, b.y - 2.0f * margin - under_h), ui.s(), pa, pb);
    draw_phone(ui, pa, pb);
    draw_choices(ui, *r, buttons, a.x + (b.x - a.x - under_w) * 0.5f, pb.y + margin, under_w,
                 under_cols, choice_gap(ui));
    return;
  }
  phone_rect(ImVec2(a.x + margin, a.y + margin), ImVec2(b.x - margin, b.y - margin), ui.s(), pa,
             pb);
  float phone_w = pb.x - pa.x;
  float side_w = std::min(avail_w - phone_w - margin, 520.0f * ui.s());
  int side_cols = 1;
  float gap = choice_gap(ui);
  float side_h = choices_height(ui, buttons, side_w, side_cols, gap);
  // Many choices with large text (a scene with seven ways to respond) do not fit in one column
  // beside the phone: the phone gets narrower and the choices take two columns.
  if (side_h > avail_h && buttons.size() > 2) {
    const float narrow_phone = std::min(phone_w, 270.0f * ui.s());
    const float wide_side = avail_w - narrow_phone - margin;
    const float two_h = choices_height(ui, buttons, wide_side, 2, gap);
    if (two_h < side_h) {
      phone_w = narrow_phone;
      side_w = wide_side;
      side_cols = 2;
      side_h = two_h;
    }
  }
  if (side_h > avail_h) {
    gap = choice_gap(ui, true);
    side_h = choices_height(ui, buttons, side_w, side_cols, gap);
  }
  const float x = a.x + margin + (avail_w - phone_w - margin - side_w) * 0.5f;
  pb.x = x + phone_w;
  pa.x = x;
  // Everything on the phone scrolls (cards, chats, posts), so a short phone stays readable;
  // below 300 px it would show a line or two at a time.
  ui::check_fit(ui, "play-phone", "", 300.0f, pb.y - pa.y);
  draw_phone(ui, pa, pb);
  ui::check_fit(ui, "play-choices", "", side_h, avail_h);
  const float y = a.y + margin + std::max(0.0f, (avail_h - side_h) * 0.5f);
  draw_choices(ui, *r, buttons, pb.x + margin, y, side_w, side_cols, gap);
}

void draw_reflection(Ui& ui, ImVec2 a, ImVec2 b) {
  const Runner* r = ui.m.runner();
  if (!r || r->node().kind != NodeKind::Reflection) return;
  const auto& body = r->node().as<ReflectionBody>();
  if (!ui::begin_region("reflection", a, b)) return ui::end_region();
  ImGui::SetCursorScreenPos(ImVec2(a.x, a.y + 30.0f * ui.s()));
  {
    ui::Column col(ui, 760.0f * ui.s());
    col.text(ui.t("game.reflection.heading"), "reflection-heading", ui.theme.text_muted,
             ui.fonts.small);
    col.title(ui.pick(body.question), "reflection-question");
    if (body.scale) {
      std::vector<std::string> labels, keys;
      for (int v = 1; v <= 5; ++v) {
        labels.push_back(std::to_string(v));
        keys.push_back("");
      }
      const int pressed = col.button_row("scale", labels, keys);
      if (pressed >= 0) ui.post([&m = ui.m, pressed] { m.answer_scale(pressed + 1); });
      ImDrawList* dl = ImGui::GetWindowDrawList();
      const std::string lo = "1 = " + ui.pick(body.scale->min_label);
      const std::string hi = "5 = " + ui.pick(body.scale->max_label);
      ui::draw_text(ui, dl, ui.fonts.small, ImVec2(col.x(), col.y()), ui.theme.text_muted, lo, 0.0f,
                    "reflection-min", 0.0f, col.width() * 0.49f);
      const float hw = ui::measure(ui, ui.fonts.small, hi).x;
      ui::draw_text(ui, dl, ui.fonts.small, ImVec2(col.x() + col.width() - hw, col.y()),
                    ui.theme.text_muted, hi, 0.0f, "reflection-max", 0.0f, col.width() * 0.49f);
      col.space(34);
    } else {
      for (std::size_t i = 0; i < body.options.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (col.button("option", ui.pick(body.options[i].text),
                       i < 9 ? std::to_string(i + 1) : "")) {
          ui.post([&m = ui.m, i] { m.answer_option(i); });
        }
        ImGui::PopID();
      }
    }
    if (col.button("skipq", ui.t("game.reflection.skip"), hint::kSkip, ui::ButtonKind::Quiet)) {
      ui.post([&m = ui.m] { m.skip(); });
    }
    col.text(ui.t("game.reflection.anonymous"), "reflection-anonymous", ui.theme.text_muted,
             ui.fonts.small);
  }
  ui::end_region();
}

}  // namespace upstander::app
