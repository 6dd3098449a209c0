// Opening a web address with xdg-open, as one argument and without a shell.
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <thread>

#include "open_url.hpp"

extern char** environ;

namespace upstander::teacher {

bool open_url(const std::string& url) {
  std::string program = "xdg-open";
  std::string arg = url;
  char* argv[] = {program.data(), arg.data(), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv, environ) != 0) return false;
  // Reaped in the background: the server does not wait for the browser.
  std::thread([pid] { waitpid(pid, nullptr, 0); }).detach();
  return true;
}

bool on_interactive_desktop() {
  if (!::isatty(STDOUT_FILENO)) return false;
  for (const char* v : {"DISPLAY", "WAYLAND_DISPLAY"}) {
    if (const char* s = std::getenv(v); s && *s) return true;
  }
  return false;
}

}  // namespace upstander::teacher
