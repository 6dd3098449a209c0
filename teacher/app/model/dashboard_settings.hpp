// The dashboard's own settings, kept on the teacher's computer (the server keeps retention
// and k): the dashboard language, the projector look and where exports go.
#pragma once

#include <string>

namespace upstander::dashboard {

struct DashboardSettings {
  std::string language = "ko";
  bool high_contrast = false;
  bool large_text = false;
  std::string export_dir;  // "" = ~/Upstander

  // The folder exports are written to.
  std::string export_folder() const;
};

// Missing or unreadable file: the defaults, with `language` from the system locale.
DashboardSettings load_dashboard_settings(const std::string& path,
                                          const std::string& system_locale);
// Written atomically (a temporary file renamed over the old one). False on an I/O error.
bool save_dashboard_settings(const std::string& path, const DashboardSettings& s);

}  // namespace upstander::dashboard
