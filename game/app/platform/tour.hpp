// Tour mode: visits every screen and every reachable node of every loaded scenario,
// writes one PNG per view, and fails on any missing glyph, any text that does not fit its
// box, or any UI string missing from the locale files.
#pragma once

#include <filesystem>
#include <string>

#include "upstander/content_library.hpp"

namespace upstander::app {

struct TourOptions {
  std::filesystem::path out_dir;
  std::string language = "ko";
  int width = 1280;
  int height = 720;
  int text_size = -1;  // every screen at this text size (0-3); -1 keeps the default
  std::string assets_dir;
};

// Returns the process exit code: 0 when every view passed.
int run_tour(const ContentLibrary& lib, const TourOptions& options);

}  // namespace upstander::app
