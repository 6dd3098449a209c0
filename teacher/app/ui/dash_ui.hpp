// What the dashboard's drawing functions get each frame: the shared drawing context of
// the game's widgets (fonts, theme, text audit, focus ring) plus the dashboard model.
#pragma once

#include <string>
#include <string_view>

#include "author_workspace.hpp"
#include "dashboard_model.hpp"
#include "upstander/ui/draw_context.hpp"

namespace upstander::dashboard {

struct DashUi : ui::DrawContext {
  Dashboard& d;
  AuthorWorkspace* author = nullptr;  // author mode, when the app has it

  DashUi(Dashboard& model, const ui::FontSet& f, const ui::Theme& th, ui::TextAudit& a,
         const ui::EmojiMap& e, ui::FocusRing& ring, ImVec2 size)
      : DrawContext{f, th, a, e, ring, size, {}}, d(model) {}

  std::string t(std::string_view key, const TextArgs& args = {}) const {
    return d.text()(key, args);
  }
};

}  // namespace upstander::dashboard
