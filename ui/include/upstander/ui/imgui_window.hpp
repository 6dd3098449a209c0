// An SDL2 window that draws Dear ImGui with SDL's software renderer: runs everywhere,
// headless too (SDL's dummy driver), and on school PCs without a GPU driver. The game's
// window and the teacher dashboard both draw through it; what each draws is theirs.
#pragma once

#include <SDL.h>
#include <imgui.h>

#include <filesystem>
#include <functional>
#include <string>

#include "upstander/ui/draw_data_renderer.hpp"
#include "upstander/ui/frame_snapshot.hpp"
#include "upstander/result.hpp"

namespace upstander::ui {

struct ImGuiWindowOptions {
  const char* title = "Upstander";
  int width = 1280;
  int height = 720;
  int min_width = 1024;
  int min_height = 600;
  bool hidden = false;  // tours and benchmarks draw without showing a window
  // Draw with the GPU where there is one (the browser: WebGL), falling back to the software
  // renderer. Off natively: the tours' screenshots read the software renderer's pixels,
  // the same on every machine.
  bool accelerated = false;
};

class ImGuiWindow {
 public:
  ImGuiWindow() = default;
  ~ImGuiWindow();
  ImGuiWindow(const ImGuiWindow&) = delete;
  ImGuiWindow& operator=(const ImGuiWindow&) = delete;

  // Creates the window, the renderer and the ImGui context; `build_fonts` fills the atlas
  // before the backends upload it. The error is SDL's sentence when SDL cannot.
  Result<void, std::string> open(const ImGuiWindowOptions& options,
                                 const std::function<void(ImFontAtlas&)>& build_fonts);
  // Hands every pending SDL event to ImGui, then to `on_event`. False when the window was
  // closed.
  bool pump(const std::function<void(const SDL_Event&)>& on_event);
  // Rebuilds the font atlas with `build_fonts` and uploads it again.
  void rebuild_fonts(const std::function<void(ImFontAtlas&)>& build_fonts);
  void begin_frame();
  // Renders what ImGui drew this frame over `background` and presents it, unless the
  // window already shows exactly that frame.
  void end_frame(ImU32 background);
  // Whether the last end_frame drew (false: the frame equalled the one on screen).
  bool last_frame_redrawn() const { return redrawn_; }
  // Draw the next frame even if it equals the last (benchmarks time a full redraw).
  void invalidate() { snapshot_.invalidate(); }
  ImVec2 size() const;
  // What the last end_frame drew (rectangle fills and triangles).
  const DrawDataStats& last_draw() const { return last_draw_; }

  bool write_png(const std::filesystem::path& file);
  void resize(int width, int height);
  void set_fullscreen(bool on);
  bool fullscreen() const;

 private:
  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  ImGuiContext* imgui_ = nullptr;
  bool backends_ = false;
  DrawDataStats last_draw_;
  FrameSnapshot snapshot_;
  bool redrawn_ = false;
};

}  // namespace upstander::ui
