// Rounded rectangles as three rectangles and four corner fans.
#include "upstander/ui/shapes.hpp"

#include <algorithm>

namespace upstander::ui {

namespace {

void corner(ImDrawList* dl, ImVec2 centre, float r, int quadrant, ImU32 col) {
  // Quadrants in ImGui's 12-step circle: 0 = right, 3 = bottom, 6 = left, 9 = top.
  dl->PathLineTo(centre);
  dl->PathArcToFast(centre, r, quadrant * 3, quadrant * 3 + 3);
  dl->PathFillConvex(col);
}

}  // namespace

void fill_rounded(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float rounding, ImDrawFlags flags,
                  bool smooth_edge) {
  const float r = std::min({rounding, (b.x - a.x) * 0.5f, (b.y - a.y) * 0.5f});
  if (r < 1.0f) {
    dl->AddRectFilled(a, b, col);
    return;
  }
  if ((flags & ImDrawFlags_RoundCornersMask_) == 0) flags |= ImDrawFlags_RoundCornersAll;
  const bool tl = flags & ImDrawFlags_RoundCornersTopLeft;
  const bool tr = flags & ImDrawFlags_RoundCornersTopRight;
  const bool bl = flags & ImDrawFlags_RoundCornersBottomLeft;
  const bool br = flags & ImDrawFlags_RoundCornersBottomRight;
  // The middle column, full height except where a corner is rounded.
  dl->AddRectFilled(ImVec2(a.x + r, a.y), ImVec2(b.x - r, b.y), col);
  // Left and right columns between the corners (square corners extend them).
  dl->AddRectFilled(ImVec2(a.x, tl ? a.y + r : a.y), ImVec2(a.x + r, bl ? b.y - r : b.y), col);
  dl->AddRectFilled(ImVec2(b.x - r, tr ? a.y + r : a.y), ImVec2(b.x, br ? b.y - r : b.y), col);
  // Corner fans without anti-aliasing (their fringes would stick out past the corners as
  // seams); a thin anti-aliased outline in the same colour smooths the edge instead.
  const ImDrawListFlags saved = dl->Flags;
  dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
  if (tl) corner(dl, ImVec2(a.x + r, a.y + r), r, 2, col);
  if (tr) corner(dl, ImVec2(b.x - r, a.y + r), r, 3, col);
  if (br) corner(dl, ImVec2(b.x - r, b.y - r), r, 0, col);
  if (bl) corner(dl, ImVec2(a.x + r, b.y - r), r, 1, col);
  dl->Flags = saved;
  if (smooth_edge) dl->AddRect(a, b, col, r, flags, 1.0f);
}

void fill_circle(ImDrawList* dl, ImVec2 centre, float radius, ImU32 col) {
  fill_rounded(dl, ImVec2(centre.x - radius, centre.y - radius),
               ImVec2(centre.x + radius, centre.y + radius), col, radius);
}

}  // namespace upstander::ui
