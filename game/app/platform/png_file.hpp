// Writing an RGBA buffer as a PNG file (stb_image_write from Debian's libstb).
#pragma once

#include <filesystem>
#include <vector>

namespace upstander::app {

bool write_png_file(const std::filesystem::path& file, const std::vector<unsigned char>& rgba, int width, int height);

}  // namespace upstander::app
