// dashboard.json: read leniently, written atomically.
#include "dashboard_settings.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

namespace upstander::dashboard {

std::string DashboardSettings::export_folder() const {
  if (!export_dir.empty()) return export_dir;
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/Upstander";
}

DashboardSettings load_dashboard_settings(const std::string& path,
                                          const std::string& system_locale) {
  DashboardSettings s;
  s.language = system_locale.rfind("ko", 0) == 0 || system_locale.empty() ? "ko" : "en";
  std::ifstream in(path);
  if (!in) return s;
  const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (!j.is_object()) return s;
  const DashboardSettings defaults = s;
  try {
    const auto lang = j.value("language", std::string());
    if (lang == "ko" || lang == "en") s.language = lang;
    s.high_contrast = j.value("high_contrast", false);
    s.large_text = j.value("large_text", false);
    s.export_dir = j.value("export_dir", std::string());
  } catch (const nlohmann::json::exception&) {
    return defaults;  // a hand-edited file with a wrong type: start from the defaults
  }
  return s;
}

bool save_dashboard_settings(const std::string& path, const DashboardSettings& s) {
  const nlohmann::json j = {{"language", s.language},
                            {"high_contrast", s.high_contrast},
                            {"large_text", s.large_text},
                            {"export_dir", s.export_dir}};
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) return false;
    out << j.dump(2) << "\n";
    if (!out) return false;
  }
  std::filesystem::rename(tmp, path, ec);
  return !ec;
}

}  // namespace upstander::dashboard
