// What any screen drawn with these widgets needs for one frame, whichever app it belongs
// to: fonts, colours, the text audit, the keyboard focus ring, and the actions to run once
// the frame is drawn (so a model never changes halfway through drawing it). The game's Ui
// and the teacher dashboard's context add their own model on top.
#pragma once

#include <imgui.h>

#include <functional>
#include <vector>

#include "upstander/ui/display_text.hpp"
#include "upstander/ui/font_set.hpp"
#include "upstander/ui/screen_controls.hpp"
#include "upstander/ui/text_audit.hpp"
#include "upstander/ui/theme.hpp"

namespace upstander::ui {

// Keyboard focus that works the same in every screen: Tab / Shift+Tab and the up and down
// arrows move it along the buttons in drawing order; Enter or Space presses the focused one.
struct FocusRing {
  ImGuiID focused = 0;
  bool visible = false;        // shown after a key moved it, hidden on mouse use
  std::vector<ImGuiID> order;  // this frame's buttons
  bool activate = false;       // Enter/Space this frame, for the focused button
  bool activated = false;      // a button took this frame's Enter/Space
  int move = 0;                // +1 / -1 requested this frame

  void begin_frame() {
    order.clear();
    activated = false;
  }
  // Applies a requested move once the frame's buttons are known.
  void end_frame();
};

struct DrawContext {
  const FontSet& fonts;
  const Theme& theme;
  TextAudit& audit;
  const EmojiMap& emoji;
  FocusRing& focus;
  ImVec2 window_size;
  std::vector<std::function<void()>> actions;
  ScreenControls* controls = nullptr;  // when set, the buttons drawn are recorded there

  float s() const { return fonts.scale; }  // text scale: padding grows with the text
  void post(std::function<void()> f) { actions.push_back(std::move(f)); }
};

}  // namespace upstander::ui
