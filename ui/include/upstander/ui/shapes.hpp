// Filled rounded rectangles that are cheap on SDL's software renderer. ImGui fills a
// rounded rectangle as one triangle fan whose triangles each span the whole shape; the
// software rasteriser walks every triangle's bounding box, so a big rounded panel cost
// as much as dozens of full panels. Here the body is three plain rectangles and only the
// corners are fans, each no bigger than the corner itself.
#pragma once

#include <imgui.h>

namespace upstander::ui {

// Same meaning as ImDrawList::AddRectFilled(a, b, col, rounding, flags). Callers that
// draw a border over the edge anyway pass `smooth_edge` false and save the outline.
void fill_rounded(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float rounding = 0.0f,
                  ImDrawFlags flags = 0, bool smooth_edge = true);

// A filled circle built the same way (four quarter fans around the centre).
void fill_circle(ImDrawList* dl, ImVec2 centre, float radius, ImU32 col);

}  // namespace upstander::ui
