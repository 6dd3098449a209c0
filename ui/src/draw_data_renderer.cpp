// Draw data to SDL: runs of triangles go to SDL_RenderGeometryRaw as the backend would send
// them; solid rectangles found among them become SDL_RenderFillRect, in drawing order.
#include "upstander/ui/draw_data_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace upstander::ui {

bool solid_rect_at(const ImDrawVert* vtx, const ImDrawIdx* idx, ImVec2 white_uv, ImVec2& out_min,
                   ImVec2& out_max, ImU32& out_col) {
  // ImGui's PrimRect writes (a, b, c) then (a, c, d): a top-left, b top-right, c bottom-right.
  if (idx[3] != idx[0] || idx[4] != idx[2]) return false;
  const ImDrawVert& a = vtx[idx[0]];
  const ImDrawVert& b = vtx[idx[1]];
  const ImDrawVert& c = vtx[idx[2]];
  const ImDrawVert& d = vtx[idx[5]];
  for (const ImDrawVert* v : {&a, &b, &c, &d})
    if (v->uv.x != white_uv.x || v->uv.y != white_uv.y || v->col != a.col) return false;
  const bool rect =
      a.pos.y == b.pos.y && b.pos.x == c.pos.x && c.pos.y == d.pos.y && d.pos.x == a.pos.x;
  if (!rect || a.pos.x >= c.pos.x || a.pos.y >= c.pos.y) return false;
  out_min = a.pos;
  out_max = c.pos;
  out_col = a.col;
  return true;
}

namespace {

struct Target {
  SDL_Renderer* renderer;
  ImVec2 white_uv;
  bool software;  // SDL's own rasteriser, which covers pixels by its own rule (fill_rect)
  DrawDataStats stats;
  std::vector<ImDrawIdx> visible;  // the command's triangles not yet drawn, off-clip ones left out
};

void flush_triangles(Target& t, const ImDrawList& list, const ImDrawCmd& cmd) {
  if (t.visible.empty()) return;
  const auto* base = reinterpret_cast<const char*>(list.VtxBuffer.Data + cmd.VtxOffset);
  SDL_RenderGeometryRaw(
      t.renderer, static_cast<SDL_Texture*>(cmd.GetTexID()),
      reinterpret_cast<const float*>(base + offsetof(ImDrawVert, pos)), sizeof(ImDrawVert),
      reinterpret_cast<const SDL_Color*>(base + offsetof(ImDrawVert, col)), sizeof(ImDrawVert),
      reinterpret_cast<const float*>(base + offsetof(ImDrawVert, uv)), sizeof(ImDrawVert),
      list.VtxBuffer.Size - static_cast<int>(cmd.VtxOffset), t.visible.data(),
      static_cast<int>(t.visible.size()), sizeof(ImDrawIdx));
  t.stats.triangles += static_cast<int>(t.visible.size() / 3);
  t.visible.clear();
}

// The first pixel column (or row) at or after edge `v` that the triangle rasteriser would
// paint. A filled rectangle must cover exactly the pixels triangles there would: it sits
// edge to edge with triangles (fill_rounded's body beside its corner fans), and any
// disagreement leaves a line of unpainted pixels between them (issue 15 item 18). GPUs
// paint the pixels whose centres are inside; SDL's software renderer first truncates each
// vertex to a whole pixel (SW_QueueGeometry) and then paints the centres inside.
int first_covered(float v, bool software) {
  return software ? static_cast<int>(v) : static_cast<int>(std::ceil(v - 0.5f));
}

void fill_rect(Target& t, ImVec2 min, ImVec2 max, ImU32 col) {
  const auto first = [&t](float v) { return first_covered(v, t.software); };
  const int x0 = first(min.x), y0 = first(min.y), x1 = first(max.x), y1 = first(max.y);
  if (x1 <= x0 || y1 <= y0) return;
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(col);
  SDL_SetRenderDrawColor(
      t.renderer, static_cast<Uint8>(c.x * 255.0f + 0.5f), static_cast<Uint8>(c.y * 255.0f + 0.5f),
      static_cast<Uint8>(c.z * 255.0f + 0.5f), static_cast<Uint8>(c.w * 255.0f + 0.5f));
  const SDL_Rect r{x0, y0, x1 - x0, y1 - y0};
  // An opaque fill blended is the fill itself, pixel for pixel, but SDL's software renderer
  // blends every pixel in plain C where a copy is a memset: panels and backgrounds were a
  // third of a full redraw.
  const bool opaque = (col >> IM_COL32_A_SHIFT & 0xFF) == 0xFF;
  if (opaque) SDL_SetRenderDrawBlendMode(t.renderer, SDL_BLENDMODE_NONE);
  SDL_RenderFillRect(t.renderer, &r);
  if (opaque) SDL_SetRenderDrawBlendMode(t.renderer, SDL_BLENDMODE_BLEND);
  ++t.stats.rect_fills;
}

// A scrolled region hands over everything it holds, most of it outside its clip rectangle;
// SDL would set up each of those triangles only to find nothing to draw.
bool outside(const ImDrawVert* vtx, const ImDrawIdx* tri, const ImVec4& clip) {
  const ImVec2 &p = vtx[tri[0]].pos, &q = vtx[tri[1]].pos, &r = vtx[tri[2]].pos;
  return std::max({p.x, q.x, r.x}) <= clip.x || std::min({p.x, q.x, r.x}) >= clip.z ||
         std::max({p.y, q.y, r.y}) <= clip.y || std::min({p.y, q.y, r.y}) >= clip.w;
}

void draw_command(Target& t, const ImDrawList& list, const ImDrawCmd& cmd) {
  const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
  const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
  unsigned i = 0;
  while (i + 3 <= cmd.ElemCount) {
    ImVec2 min, max;
    ImU32 col = 0;
    if (i + 6 <= cmd.ElemCount && solid_rect_at(vtx, idx + i, t.white_uv, min, max, col)) {
      flush_triangles(t, list, cmd);
      fill_rect(t, min, max, col);
      i += 6;
      continue;
    }
    if (!outside(vtx, idx + i, cmd.ClipRect))
      t.visible.insert(t.visible.end(), idx + i, idx + i + 3);
    i += 3;  // triangles stay whole: a rectangle may start at any triangle
  }
  flush_triangles(t, list, cmd);
}

bool set_clip(SDL_Renderer* renderer, const ImDrawData& data, const ImDrawCmd& cmd, ImVec2 scale,
              int fb_w, int fb_h) {
  const float x0 = std::max(0.0f, (cmd.ClipRect.x - data.DisplayPos.x) * scale.x);
  const float y0 = std::max(0.0f, (cmd.ClipRect.y - data.DisplayPos.y) * scale.y);
  const float x1 =
      std::min(static_cast<float>(fb_w), (cmd.ClipRect.z - data.DisplayPos.x) * scale.x);
  const float y1 =
      std::min(static_cast<float>(fb_h), (cmd.ClipRect.w - data.DisplayPos.y) * scale.y);
  if (x1 <= x0 || y1 <= y0) return false;
  const SDL_Rect r{static_cast<int>(x0), static_cast<int>(y0), static_cast<int>(x1 - x0),
                   static_cast<int>(y1 - y0)};
  SDL_RenderSetClipRect(renderer, &r);
  return true;
}

}  // namespace

DrawDataStats render_draw_data(SDL_Renderer* renderer, const ImDrawData& data, ImVec2 white_uv) {
  // A scale set on the renderer already applies to what we pass; otherwise use ImGui's.
  float rsx = 1.0f, rsy = 1.0f;
  SDL_RenderGetScale(renderer, &rsx, &rsy);
  const ImVec2 scale(rsx == 1.0f ? data.FramebufferScale.x : 1.0f,
                     rsy == 1.0f ? data.FramebufferScale.y : 1.0f);
  const int fb_w = static_cast<int>(data.DisplaySize.x * scale.x);
  const int fb_h = static_cast<int>(data.DisplaySize.y * scale.y);
  SDL_RendererInfo info{};
  const bool software =
      SDL_GetRendererInfo(renderer, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE);
  Target t{renderer, white_uv, software, {}, {}};
  if (fb_w <= 0 || fb_h <= 0) return t.stats;

  SDL_RenderSetViewport(renderer, nullptr);
  SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
  for (int n = 0; n < data.CmdListsCount; ++n) {
    const ImDrawList& list = *data.CmdLists[n];
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(&list, &cmd);
        continue;
      }
      if (set_clip(renderer, data, cmd, scale, fb_w, fb_h)) draw_command(t, list, cmd);
    }
  }
  SDL_RenderSetClipRect(renderer, nullptr);
  return t.stats;
}

}  // namespace upstander::ui
