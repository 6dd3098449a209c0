// The keyboard focus ring: moving the focus along this frame's buttons.
#include <algorithm>

#include "upstander/ui/draw_context.hpp"

namespace upstander::ui {

void FocusRing::end_frame() {
  if (move == 0 || order.empty()) {
    move = 0;
    return;
  }
  auto it = std::find(order.begin(), order.end(), focused);
  std::ptrdiff_t i = it == order.end() ? (move > 0 ? -1 : 0) : it - order.begin();
  const auto n = static_cast<std::ptrdiff_t>(order.size());
  i = ((i + move) % n + n) % n;
  focused = order[static_cast<std::size_t>(i)];
  visible = true;
  move = 0;
}

}  // namespace upstander::ui
