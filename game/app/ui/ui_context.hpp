// Everything a drawing function needs for one frame: the model, fonts, colours, the text
// audit, the keyboard focus ring, and the actions to run once the frame is drawn (so the
// model never changes halfway through drawing it).
#pragma once

#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

#include "app_model.hpp"
#include "upstander/ui/draw_context.hpp"

namespace upstander::app {

struct Ui : ui::DrawContext {
  AppModel& m;
  // A finger has touched the screen this run: key hints can go (key_footer.cpp).
  bool touch_device = false;

  Ui(AppModel& model, const ui::FontSet& f, const ui::Theme& th, ui::TextAudit& a,
     const ui::EmojiMap& e, ui::FocusRing& ring, ImVec2 size,
     std::vector<std::function<void()>> acts = {})
      : ui::DrawContext{f, th, a, e, ring, size, std::move(acts)}, m(model) {}

  std::string t(std::string_view key) const { return m.text().get(key); }
  std::string t(std::string_view key,
                const std::vector<std::pair<std::string, std::string>>& args) const {
    return m.text().get(key, args);
  }
  const std::string& pick(const LocalizedText& text) const { return m.text().pick(text); }
};

}  // namespace upstander::app
