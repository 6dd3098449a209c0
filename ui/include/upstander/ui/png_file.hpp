// Writing an RGBA buffer as a PNG file (zlib from Debian).
#pragma once

#include <filesystem>
#include <vector>

namespace upstander::ui {

bool write_png_file(const std::filesystem::path& file, const std::vector<unsigned char>& rgba,
                    int width, int height);

}  // namespace upstander::ui
