// Opening a web address in the default browser (`serve --open`), without waiting for it
// (open_url_posix.cpp with xdg-open, open_url_windows.cpp with ShellExecute).
#pragma once

#include <string>

namespace upstander::teacher {

// False when no browser could be asked.
bool open_url(const std::string& url);

}  // namespace upstander::teacher
