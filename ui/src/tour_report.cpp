// tour-report.txt and the numbered PNGs.
#include "upstander/ui/tour_report.hpp"

#include <cstdio>
#include <iostream>

namespace upstander::ui {

TourReport::TourReport(const std::filesystem::path& out_dir) : dir_(out_dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  report_.open(dir_ / "tour-report.txt");
}

std::string TourReport::hex(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
  return buf;
}

void TourReport::fail(const std::string& view, const std::string& kind, const std::string& what) {
  ++failures_;
  report_ << "FAIL " << view << ": " << kind << ": " << what << "\n";
  std::cerr << "tour: " << view << ": " << kind << ": " << what << "\n";
}

void TourReport::shot(const std::string& name, const TextAudit& audit,
                      const std::function<bool(const std::filesystem::path&)>& write_png) {
  char file[512];
  std::snprintf(file, sizeof file, "%03d-%s.png", shots_, name.c_str());
  ++shots_;
  for (const auto& p : audit.problems())
    fail(name, p.kind, p.where + ": " + p.detail + ": \"" + p.text + "\"");
  if (!write_png(dir_ / file)) fail(name, "png", std::string("cannot write ") + file);
  report_ << "ok   " << file << "\n";
}

int TourReport::finish(const std::string& title) {
  report_ << shots_ << " views, " << failures_ << " problems\n";
  report_.flush();
  std::cout << title << ": " << shots_ << " views, " << failures_ << " problems; see "
            << (dir_ / "tour-report.txt").string() << "\n";
  return failures_ == 0 ? 0 : 1;
}

}  // namespace upstander::ui
