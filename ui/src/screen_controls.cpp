// Recording the visible buttons of a frame.
#include "upstander/ui/screen_controls.hpp"

#include <algorithm>

namespace upstander::ui {

void ScreenControls::add(std::string_view label, std::string_view key, ImVec2 a, ImVec2 b) {
  const ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 ca = dl->GetClipRectMin();
  const ImVec2 cb = dl->GetClipRectMax();
  const ImVec2 va(std::max(a.x, ca.x), std::max(a.y, ca.y));
  const ImVec2 vb(std::min(b.x, cb.x), std::min(b.y, cb.y));
  if (vb.x - va.x < 1.0f || vb.y - va.y < 1.0f) return;
  list.push_back({std::string(label), std::string(key), va, vb});
}

}  // namespace upstander::ui
