// RowAnchor: the row under the pointer stays put when the text size changes.
#include "upstander/ui/row_anchor.hpp"

#include <algorithm>
#include <cmath>

namespace upstander::ui {

namespace {

// The pointer has left the row's neighbourhood: the student is doing something else.
constexpr float kLetGoDistance = 12.0f;

ImGuiID key(const char* what) {
  return ImGui::GetID(what);
}

}  // namespace

RowAnchor::RowAnchor() : store_(ImGui::GetStateStorage()) {
  if (ImGui::IsWindowAppearing()) {
    store_->SetBool(key("anchor-following"), false);
    store_->SetFloat(key("anchor-pad"), 0.0f);
  }
  following_ = store_->GetBool(key("anchor-following"), false);
  row_ = static_cast<ImGuiID>(store_->GetInt(key("anchor-row"), 0));
  target_y_ = store_->GetFloat(key("anchor-target"), 0.0f);
  pad_ = store_->GetFloat(key("anchor-pad"), 0.0f);
  pressed_at_ =
      ImVec2(store_->GetFloat(key("anchor-px"), 0.0f), store_->GetFloat(key("anchor-py"), 0.0f));
  const ImGuiIO& io = ImGui::GetIO();
  const float dx = io.MousePos.x - pressed_at_.x, dy = io.MousePos.y - pressed_at_.y;
  if (following_ && (io.MouseWheel != 0.0f || std::sqrt(dx * dx + dy * dy) > kLetGoDistance))
    following_ = false;
  scroll_ = ImGui::GetScrollY();
}

void RowAnchor::track(ImGuiID row, float y, bool pressed) {
  if (pressed) {
    row_ = row;
    target_y_ = y;
    pressed_at_ = ImGui::GetIO().MousePos;
    following_ = true;
    return;
  }
  if (!following_ || row != row_ || std::fabs(y - target_y_) < 0.5f) return;
  // Where the row would be with no padding and no scroll, then the padding (content moved
  // down) or scroll (content moved up) that brings it back under the pointer.
  const float base = y - pad_ + ImGui::GetScrollY();
  const float shift = target_y_ - base;
  pad_ = std::max(shift, 0.0f);
  scroll_ = std::max(-shift, 0.0f);
  ImGui::SetScrollY(scroll_);
}

void RowAnchor::finish() {
  if (following_) {
    // Enough content below that the scroll is not clamped away.
    const float need = scroll_ + ImGui::GetWindowHeight();
    if (ImGui::GetCursorPosY() < need) {
      ImGui::SetCursorPosY(need);
      ImGui::Dummy(ImVec2(0.0f, 0.0f));
    }
  }
  store_->SetBool(key("anchor-following"), following_);
  store_->SetInt(key("anchor-row"), static_cast<int>(row_));
  store_->SetFloat(key("anchor-target"), target_y_);
  store_->SetFloat(key("anchor-pad"), pad_);
  store_->SetFloat(key("anchor-px"), pressed_at_.x);
  store_->SetFloat(key("anchor-py"), pressed_at_.y);
}

}  // namespace upstander::ui
