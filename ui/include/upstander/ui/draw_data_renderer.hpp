// Renders Dear ImGui's draw data on an SDL_Renderer like the SDL_Renderer backend does,
// except that solid axis-aligned rectangles are drawn as rectangle fills: SDL's software
// rasteriser walks each triangle's whole bounding box, so a rectangle drawn as two
// triangles costs twice its area in per-pixel edge tests and texture blends, and panels,
// cards and bars are most of the pixels on a screen.
#pragma once

#include <SDL.h>
#include <imgui.h>

namespace upstander::ui {

// Counts of what one call drew, for tests and benchmarks.
struct DrawDataStats {
  int rect_fills = 0;  // rectangles drawn with SDL_RenderFillRect
  int triangles = 0;   // triangles left to SDL_RenderGeometryRaw
};

// `white_uv` is the font atlas's white pixel (ImFontAtlas::TexUvWhitePixel): a quad whose
// four corners sample it is a solid colour, whatever texture its command binds.
DrawDataStats render_draw_data(SDL_Renderer* renderer, const ImDrawData& data, ImVec2 white_uv);

// True if the six indices at `idx` are ImGui's rectangle (a, b, c), (a, c, d) with its
// corners axis-aligned, one colour, and every corner on the white pixel; `out_min` and
// `out_max` get its corners.
bool solid_rect_at(const ImDrawVert* vtx, const ImDrawIdx* idx, ImVec2 white_uv, ImVec2& out_min,
                   ImVec2& out_max, ImU32& out_col);

}  // namespace upstander::ui
