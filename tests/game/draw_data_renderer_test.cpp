// The draw data renderer against Debian's SDL_Renderer backend: the same frame drawn both
// ways gives the same pixels, while solid rectangles become fills and triangles outside
// their clip rectangle are never handed to SDL.
#include <doctest/doctest.h>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "upstander/ui/draw_data_renderer.hpp"
#include "upstander/ui/shapes.hpp"

using upstander::ui::DrawDataStats;
using upstander::ui::render_draw_data;
using upstander::ui::solid_rect_at;

namespace {

constexpr int kW = 320, kH = 200;

struct Canvas {
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, kW, kH, 32, SDL_PIXELFORMAT_ARGB8888);
  SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
  ImGuiContext* ctx = ImGui::CreateContext();
  Canvas() {
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(kW, kH);
    io.DeltaTime = 1.0f / 60.0f;
    io.Fonts->AddFontDefault();
    ImGui_ImplSDLRenderer_Init(renderer);
  }
  ~Canvas() {
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext(ctx);
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
  }
  std::vector<Uint32> pixels() const {
    const auto* p = static_cast<const Uint32*>(surface->pixels);
    return std::vector<Uint32>(p, p + kW * kH);
  }
};

// A frame with what screens are made of: opaque and translucent panels, rectangles on
// half pixels, rounded cards, a circle, text, and a clipped region holding shapes far
// outside it (a scrolled list).
void draw_scene() {
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui::NewFrame();
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->AddRectFilled(ImVec2(10, 10), ImVec2(150, 90), IM_COL32(240, 240, 250, 255));
  dl->AddRectFilled(ImVec2(40, 30), ImVec2(200, 120), IM_COL32(30, 90, 160, 128));
  dl->AddRectFilled(ImVec2(20.5f, 130.5f), ImVec2(90.5f, 150.5f), IM_COL32(200, 40, 40, 255));
  dl->AddRectFilled(ImVec2(160, 20), ImVec2(300, 80), IM_COL32(255, 255, 255, 255), 8.0f);
  dl->AddRect(ImVec2(160, 20), ImVec2(300, 80), IM_COL32(0, 0, 0, 255), 8.0f);
  dl->AddCircleFilled(ImVec2(250, 150), 30.0f, IM_COL32(20, 160, 60, 255));
  dl->AddText(ImVec2(15, 95), IM_COL32(0, 0, 0, 255), "Upstander 123");
  dl->PushClipRect(ImVec2(100, 130), ImVec2(200, 190));
  for (int i = 0; i < 40; ++i) {
    const float y = 120.0f + static_cast<float>(i) * 25.0f;
    dl->AddRectFilled(ImVec2(105, y), ImVec2(195, y + 20), IM_COL32(90, 90, 90, 255), 4.0f);
  }
  dl->PopClipRect();
  ImGui::Render();
}

}  // namespace

TEST_CASE("a frame drawn with rectangle fills looks like the backend's") {
  Canvas c;
  draw_scene();
  SDL_SetRenderDrawColor(c.renderer, 230, 232, 236, 255);
  SDL_RenderClear(c.renderer);
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
  SDL_RenderPresent(c.renderer);
  const std::vector<Uint32> stock = c.pixels();

  SDL_SetRenderDrawColor(c.renderer, 230, 232, 236, 255);
  SDL_RenderClear(c.renderer);
  const DrawDataStats stats =
      render_draw_data(c.renderer, *ImGui::GetDrawData(), ImGui::GetIO().Fonts->TexUvWhitePixel);
  SDL_RenderPresent(c.renderer);
  const std::vector<Uint32> ours = c.pixels();

  // Pixel for pixel the same, the rectangle on half pixels included.
  int differ = 0;
  for (std::size_t i = 0; i < stock.size(); ++i) differ += stock[i] != ours[i] ? 1 : 0;
  CHECK(differ == 0);
  CHECK(stats.rect_fills == 3);  // the plain rectangles; rounded ones are ImGui paths
  const int total = ImGui::GetDrawData()->TotalIdxCount / 3;
  CHECK(stats.triangles + 2 * stats.rect_fills < total);  // the clipped list was left out
  // The drawn frame is not blank: the test would pass on two empty frames otherwise.
  CHECK(ours[static_cast<std::size_t>(50 * kW + 60)] != ours[static_cast<std::size_t>(5 * kW + 5)]);
}

TEST_CASE("only solid axis-aligned quads on the white pixel are rectangles") {
  const ImVec2 white(0.5f, 0.5f);
  std::vector<ImDrawVert> v(4);
  const auto quad = [&](ImVec2 a, ImVec2 c, ImVec2 uv, ImU32 col) {
    v[0] = {a, uv, col};
    v[1] = {ImVec2(c.x, a.y), uv, col};
    v[2] = {c, uv, col};
    v[3] = {ImVec2(a.x, c.y), uv, col};
  };
  const ImDrawIdx idx[6] = {0, 1, 2, 0, 2, 3};
  ImVec2 mn, mx;
  ImU32 col = 0;

  quad(ImVec2(1, 2), ImVec2(30, 40), white, 0xFF00FF00u);
  REQUIRE(solid_rect_at(v.data(), idx, white, mn, mx, col));
  CHECK(mn.x == 1.0f);
  CHECK(mx.y == 40.0f);
  CHECK(col == 0xFF00FF00u);

  quad(ImVec2(1, 2), ImVec2(30, 40), ImVec2(0.2f, 0.3f), 0xFF00FF00u);  // a glyph
  CHECK_FALSE(solid_rect_at(v.data(), idx, white, mn, mx, col));

  quad(ImVec2(1, 2), ImVec2(30, 40), white, 0xFF00FF00u);
  v[2].col = 0xFF0000FFu;  // a gradient
  CHECK_FALSE(solid_rect_at(v.data(), idx, white, mn, mx, col));

  quad(ImVec2(1, 2), ImVec2(30, 40), white, 0xFF00FF00u);
  v[1].pos.y += 3.0f;  // not axis-aligned
  CHECK_FALSE(solid_rect_at(v.data(), idx, white, mn, mx, col));

  quad(ImVec2(1, 2), ImVec2(30, 40), white, 0xFF00FF00u);
  const ImDrawIdx fan[6] = {0, 1, 2, 2, 3, 0};  // two triangles, not ImGui's rectangle order
  CHECK_FALSE(solid_rect_at(v.data(), fan, white, mn, mx, col));
}

namespace {

// Signed distance from (x, y) to the rounded rectangle [a, b] with radius r: < 0 inside.
float rounded_distance(float x, float y, ImVec2 a, ImVec2 b, float r) {
  const float cx = std::clamp(x, a.x + r, b.x - r), cy = std::clamp(y, a.y + r, b.y - r);
  const float dx = x - cx, dy = y - cy;
  const bool in_core = x > a.x + r && x < b.x - r && y > a.y + r && y < b.y - r;
  if (in_core) return -std::min({x - a.x, b.x - x, y - a.y, b.y - y});
  if ((x >= a.x + r && x <= b.x - r) || (y >= a.y + r && y <= b.y - r))
    return std::max({a.x - x, x - b.x, a.y - y, y - b.y});
  return std::sqrt(dx * dx + dy * dy) - r;
}

}  // namespace

// Issue 15 item 18: ticks at the top-left of rounded buttons in the screenshots, worst in
// high contrast. The body of fill_rounded is rectangles (drawn as fills) and the corners
// are fans (drawn as triangles); where the two rules for which pixels a shape covers
// disagree, a line of pixels between them is left unpainted.
TEST_CASE("a rounded fill on fractional pixels has no holes and nothing outside its shape") {
  Canvas c;
  const ImU32 fill = IM_COL32(255, 255, 255, 255);
  for (float off : {0.0f, 0.25f, 0.5f, 0.7f, 0.95f}) {
    for (float r : {6.0f, 8.1f, 10.8f}) {
      CAPTURE(off);
      CAPTURE(r);
      const ImVec2 a(20.0f + off, 30.0f + off * 1.3f), b(140.3f + off, 90.6f + off);
      ImGui_ImplSDLRenderer_NewFrame();
      ImGui::NewFrame();
      upstander::ui::fill_rounded(ImGui::GetForegroundDrawList(), a, b, fill, r, 0, false);
      ImGui::Render();
      SDL_SetRenderDrawColor(c.renderer, 0, 0, 0, 255);
      SDL_RenderClear(c.renderer);
      render_draw_data(c.renderer, *ImGui::GetDrawData(), ImGui::GetIO().Fonts->TexUvWhitePixel);
      SDL_RenderPresent(c.renderer);
      const std::vector<Uint32> px = c.pixels();
      int holes = 0, stray = 0;
      for (int y = 0; y < kH; ++y) {
        for (int x = 0; x < kW; ++x) {
          const float d =
              rounded_distance(static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f, a, b, r);
          const Uint32 v = px[static_cast<std::size_t>(y * kW + x)] & 0x00FFFFFFu;
          // 1.5 px inside: SDL truncates each triangle vertex to a whole pixel, which may pull
          // a bottom or right arc in by up to a pixel; a seam is a whole line of pixels.
          if (d < -1.5f && v != 0x00FFFFFFu) ++holes;
          if (d > 1.0f && v != 0u) ++stray;
        }
      }
      CHECK(holes == 0);
      CHECK(stray == 0);
    }
  }
}
