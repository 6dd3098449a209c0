// The buttons a frame drew, with their labels and the part of them that is visible: the
// browser publishes them (window.upstander.controls) so tests and accessibility tools can
// find and press what a student sees.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace upstander::ui {

struct ScreenControl {
  std::string label;
  std::string key;  // the key that also presses it ("1", "Enter"), or ""
  ImVec2 min, max;  // the visible part, in window pixels
};

struct ScreenControls {
  std::vector<ScreenControl> list;

  void clear() { list.clear(); }
  // Records the button at [a, b] as far as the current window's clip rectangle shows it;
  // a button scrolled out of view is not recorded.
  void add(std::string_view label, std::string_view key, ImVec2 a, ImVec2 b);
};

}  // namespace upstander::ui
