// The footer line that names the current screen's keys ("S skip · Esc break · F1 help"),
// read from the one key map, so it says exactly what the keys do on this screen.
#include <algorithm>
#include <string>
#include <vector>

#include "key_map.hpp"
#include "screens.hpp"
#include "upstander/ui/shapes.hpp"
#include "upstander/ui/text_draw.hpp"

namespace upstander::app {

namespace {

// Which entries stay when the line is too wide (larger text, a narrow window): the safety
// exits first, then what moves on; help and the break also have the top bar's buttons.
int keep_rank(Action a) {
  switch (a) {
    case Action::Skip: return 0;
    case Action::SkipSurvey: return 1;
    case Action::Pause: return 2;
    case Action::Continue: return 3;
    case Action::Help: return 4;
    case Action::Choose: return 5;
    case Action::Leave: return 6;
    case Action::PreviousScreen: return 7;
    case Action::Back: return 8;
    case Action::Repeat: return 9;
  }
  return 10;
}

struct Entry {
  Action action;
  std::string keys, name;
  float width = 0.0f;
};

}  // namespace

bool shows_key_footer(const Ui& ui) {
  // A touch screen has the on-screen buttons and no keys: once a finger has been used, or
  // in a window as narrow as a phone held upright, the hint would be clutter (the top bar
  // drops its key badges there too). Sticky rather than following the last input, so the
  // screen above it reflows at most once and never toggles on a tablet with a keyboard.
  // Under an overlay it stays, so the screen behind does not move either.
  return !ui.touch_device && ui.window_size.x >= 600.0f;
}

float key_footer(Ui& ui, float bottom) {
  if (!shows_key_footer(ui)) return 0.0f;
  const float gap = 8.0f * ui.s();   // between a key and its name
  const float sep = 24.0f * ui.s();  // between entries
  const float margin = 16.0f * ui.s();
  std::vector<Entry> entries;
  for (Action a : screen_actions(ui.m)) {
    const KeyBinding& b = binding(a);
    Entry e{a, std::string(b.keys), ui.t(action_name(ui.m, a))};
    e.width =
        ui::measure(ui, ui.fonts.small, e.keys).x + gap + ui::measure(ui, ui.fonts.small, e.name).x;
    entries.push_back(std::move(e));
  }
  auto total = [&] {
    float w = 0.0f;
    for (const auto& e : entries) w += e.width;
    return w + sep * static_cast<float>(entries.empty() ? 0 : entries.size() - 1);
  };
  const float avail = ui.window_size.x - 2.0f * margin;
  while (!entries.empty() && total() > avail) {
    entries.erase(std::max_element(
        entries.begin(), entries.end(),
        [](const Entry& x, const Entry& y) { return keep_rank(x.action) < keep_rank(y.action); }));
  }
  if (entries.empty()) return 0.0f;

  const float pad = 5.0f * ui.s();
  const float h = ui.fonts.small->FontSize + 2.0f * pad;
  const ImVec2 a(0.0f, bottom - h);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ui::fill_rounded(dl, a, ImVec2(ui.window_size.x, bottom), ui.theme.panel);
  ui::fill_rounded(dl, a, ImVec2(ui.window_size.x, a.y + 1.0f), ui.theme.panel_border);
  float x = (ui.window_size.x - total()) * 0.5f;
  for (const Entry& e : entries) {
    x += ui::draw_text(ui, dl, ui.fonts.small, ImVec2(x, a.y + pad), ui.theme.text, e.keys, 0.0f,
                       "key-footer")
             .x +
         gap;
    x += ui::draw_text(ui, dl, ui.fonts.small, ImVec2(x, a.y + pad), ui.theme.text_muted, e.name,
                       0.0f, "key-footer")
             .x +
         sep;
  }
  return h;
}

}  // namespace upstander::app
