// Drag to scroll with Dear ImGui's window internals: the hovered window (or the nearest of
// its parents that can scroll) follows the finger; the button under the finger lets go.
#include "upstander/ui/touch_scroll.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>

namespace upstander::ui {

namespace {

// A finger wobbles a few pixels on a tap: only a move past this is a drag.
constexpr float kSlopPx = 10.0f;

ImGuiWindow* scrollable(ImGuiWindow* w) {
  for (; w; w = w->ParentWindow) {
    if (w->ScrollMax.y > 0.0f) return w;
    if (!(w->Flags & ImGuiWindowFlags_ChildWindow)) break;
  }
  return nullptr;
}

}  // namespace

void TouchScroll::frame() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  const ImGuiIO& io = g.IO;
  if (io.MouseClicked[0]) {
    target_ = scrollable(g.HoveredWindow);
    start_y_ = io.MousePos.y;
    start_scroll_ = target_ ? target_->Scroll.y : 0.0f;
    dragging_ = false;
  }
  if (!io.MouseDown[0]) {
    target_ = nullptr;
    dragging_ = false;
    return;
  }
  if (!target_) return;
  const float moved = io.MousePos.y - start_y_;
  if (!dragging_ && std::fabs(moved) > kSlopPx) {
    dragging_ = true;
    ImGui::ClearActiveID();  // the button the finger came down on is not pressed
  }
  if (dragging_) ImGui::SetScrollY(target_, start_scroll_ - moved);
}

}  // namespace upstander::ui
