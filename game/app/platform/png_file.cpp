// PNG output through libstb's stbi_write_png.
#include "png_file.hpp"

#include <stb_image_write.h>

namespace upstander::app {

bool write_png_file(const std::filesystem::path& file, const std::vector<unsigned char>& rgba, int width, int height) {
  if (width <= 0 || height <= 0 || rgba.size() < static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4) {
    return false;
  }
  return stbi_write_png(file.string().c_str(), width, height, 4, rgba.data(), width * 4) != 0;
}

}  // namespace upstander::app
