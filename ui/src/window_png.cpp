// Reading a window's frame back into a PNG file: screenshots for the game's and the
// dashboard's tours. Native only (the browser build has no zlib and takes no screenshots).
#include <vector>

#include "upstander/ui/imgui_window.hpp"
#include "upstander/ui/png_file.hpp"

namespace upstander::ui {

bool ImGuiWindow::write_png(const std::filesystem::path& file) {
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(renderer_, &w, &h);
  std::vector<unsigned char> rgba(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_RGBA32, rgba.data(), w * 4) != 0)
    return false;
  return write_png_file(file, rgba, w, h);
}

}  // namespace upstander::ui
