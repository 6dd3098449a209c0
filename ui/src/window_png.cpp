// Reading a window's frame back into a PNG file: screenshots for the tour and the
// dashboard's tour. Native only (the browser build has no zlib and takes no screenshots).
#include <vector>

#include "game_window.hpp"
#include "imgui_window.hpp"
#include "png_file.hpp"

namespace upstander::app {

bool ImGuiWindow::write_png(const std::filesystem::path& file) {
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(renderer_, &w, &h);
  std::vector<unsigned char> rgba(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_RGBA32, rgba.data(), w * 4) != 0)
    return false;
  return write_png_file(file, rgba, w, h);
}

bool GameWindow::write_png(const std::filesystem::path& file) {
  return imgui_window().write_png(file);
}

}  // namespace upstander::app
