// Opening a web address in the default browser (`serve`'s sign-in link), without waiting for it
// (open_url_posix.cpp with xdg-open, open_url_windows.cpp with ShellExecute).
#pragma once

#include <string>

namespace upstander::teacher {

// False when no browser could be asked.
bool open_url(const std::string& url);
// Whether this process runs in a terminal on a desktop, where opening a browser unasked is
// welcome: a console window on Windows, a terminal with DISPLAY or WAYLAND_DISPLAY on
// Linux (never a service, a pipe or a test).
bool on_interactive_desktop();

}  // namespace upstander::teacher
