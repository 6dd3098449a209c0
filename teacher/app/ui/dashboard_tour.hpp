// Tour mode: an in-process classroom server fed by a simulated class, every dashboard
// screen rendered to PNGs at one size and language, and a non-zero exit on a missing
// glyph, text that does not fit its box or a missing UI string.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace upstander::dashboard {

struct TourSetup {
  std::filesystem::path out_dir;
  std::string language = "ko";
  int width = 1280;
  int height = 720;
  std::string assets_dir;
  std::vector<std::string> content;  // content folders; the first holds the guide
};

int run_dashboard_tour(const TourSetup& setup);

}  // namespace upstander::dashboard
