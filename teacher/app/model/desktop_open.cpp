// Opening files and folders with xdg-open.
#include "desktop_open.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

extern char** environ;

namespace upstander::dashboard {

bool open_with_desktop(const std::string& path) {
  std::string program = "xdg-open";
  std::string arg = path;
  char* argv[] = {program.data(), arg.data(), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv, environ) != 0) return false;
  // xdg-open returns once it has handed the path over; a failure (no handler, no such
  // file) comes back quickly. A slow opener is left running and reaped later by init.
  for (int i = 0; i < 40; ++i) {
    int status = 0;
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) return WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (done < 0) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

}  // namespace upstander::dashboard
