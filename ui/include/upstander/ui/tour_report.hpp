// The bookkeeping both tours share (the game's and the teacher dashboard's): one numbered
// PNG per view, DIR/tour-report.txt, and the problems that make a tour fail.
#pragma once

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "upstander/ui/text_audit.hpp"

namespace upstander::ui {

class TourReport {
 public:
  explicit TourReport(const std::filesystem::path& out_dir);

  void fail(const std::string& view, const std::string& kind, const std::string& what);
  // Records `audit`'s problems against view `name` and writes it as "NNN-name.png" with
  // `write_png`.
  void shot(const std::string& name, const TextAudit& audit,
            const std::function<bool(const std::filesystem::path&)>& write_png);
  // Writes the totals, prints "<title>: N views, M problems; see ...", and returns the
  // exit code: 0 when nothing failed.
  int finish(const std::string& title);

  int failures() const { return failures_; }
  static std::string hex(char32_t cp);  // "4E2D"

 private:
  std::filesystem::path dir_;
  std::ofstream report_;
  int shots_ = 0;
  int failures_ = 0;
};

}  // namespace upstander::ui
