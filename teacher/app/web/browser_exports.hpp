// Exports in the browser: the CSV and JSON become downloads (a Blob and an <a download>),
// the printable report opens in a new tab, ready to print. The dashboard model takes this
// as its DashboardConfig::save_export.
#pragma once

#include <string>

#include "desktop_open.hpp"

namespace upstander::dashboard::web {

SavedExport save_in_browser(const std::string& file_name, const std::string& body);

}  // namespace upstander::dashboard::web
