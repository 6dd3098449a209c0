// SDL2 + Dear ImGui on the software renderer: setup, frames, fonts, reading the frame back.
#include "upstander/ui/imgui_window.hpp"

#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include "upstander/ui/draw_data_renderer.hpp"

namespace upstander::ui {

ImGuiWindow::~ImGuiWindow() {
  if (backends_) {
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui_ImplSDL2_Shutdown();
  }
  if (imgui_) ImGui::DestroyContext(imgui_);
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (window_) SDL_DestroyWindow(window_);
  if (window_ || renderer_) SDL_Quit();
}

Result<void, std::string> ImGuiWindow::open(const ImGuiWindowOptions& o,
                                            const std::function<void(ImFontAtlas&)>& build_fonts) {
  if (!o.accelerated) SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    return fail(std::string("SDL_Init: ") + SDL_GetError());
  }
  const Uint32 flags =
      SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI | (o.hidden ? SDL_WINDOW_HIDDEN : 0);
  window_ = SDL_CreateWindow(o.title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, o.width,
                             o.height, flags);
  if (!window_) {
    return fail(std::string("SDL_CreateWindow: ") + SDL_GetError());
  }
  SDL_SetWindowMinimumSize(window_, o.min_width, o.min_height);
  if (o.accelerated) renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_ACCELERATED);
  if (!renderer_) renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE);
  if (!renderer_) {
    return fail(std::string("SDL_CreateRenderer: ") + SDL_GetError());
  }
  IMGUI_CHECKVERSION();
  imgui_ = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing is written but the app's own files
  io.LogFilename = nullptr;
  build_fonts(*io.Fonts);
  ImGui_ImplSDL2_InitForSDLRenderer(window_);
  ImGui_ImplSDLRenderer_Init(renderer_);
  backends_ = true;
  return {};
}

bool ImGuiWindow::pump(const std::function<void(const SDL_Event&)>& on_event) {
  SDL_Event e;
  bool open = true;
  while (SDL_PollEvent(&e)) {
    ImGui_ImplSDL2_ProcessEvent(&e);
    if (e.type == SDL_QUIT) open = false;
    if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE) open = false;
    if (e.type == SDL_WINDOWEVENT || e.type == SDL_RENDER_TARGETS_RESET) snapshot_.invalidate();
    on_event(e);
  }
  return open;
}

void ImGuiWindow::rebuild_fonts(const std::function<void(ImFontAtlas&)>& build_fonts) {
  if (backends_) ImGui_ImplSDLRenderer_DestroyFontsTexture();
  build_fonts(*ImGui::GetIO().Fonts);
  if (backends_) ImGui_ImplSDLRenderer_CreateFontsTexture();
  snapshot_.invalidate();  // a new texture may reuse the old one's address
}

void ImGuiWindow::begin_frame() {
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
}

void ImGuiWindow::end_frame(ImU32 background) {
  ImGui::Render();
  redrawn_ = snapshot_.changed(*ImGui::GetDrawData(), background);
  if (!redrawn_) return;  // the window already shows these pixels
  const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(background);
  SDL_SetRenderDrawColor(renderer_, static_cast<Uint8>(bg.x * 255.0f),
                         static_cast<Uint8>(bg.y * 255.0f), static_cast<Uint8>(bg.z * 255.0f), 255);
  SDL_RenderClear(renderer_);
  last_draw_ =
      render_draw_data(renderer_, *ImGui::GetDrawData(), ImGui::GetIO().Fonts->TexUvWhitePixel);
  SDL_RenderPresent(renderer_);
}

ImVec2 ImGuiWindow::size() const {
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(renderer_, &w, &h);
  return ImVec2(static_cast<float>(w), static_cast<float>(h));
}

void ImGuiWindow::resize(int width, int height) {
  SDL_SetWindowSize(window_, width, height);
  snapshot_.invalidate();
  // Let SDL and ImGui see the new size before the next frame is laid out.
  SDL_PumpEvents();
  pump([](const SDL_Event&) {});
}

void ImGuiWindow::set_fullscreen(bool on) {
  SDL_SetWindowFullscreen(window_, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
  snapshot_.invalidate();
}

bool ImGuiWindow::fullscreen() const {
  return (SDL_GetWindowFlags(window_) & SDL_WINDOW_FULLSCREEN_DESKTOP) != 0;
}

}  // namespace upstander::ui
