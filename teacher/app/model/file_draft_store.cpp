// Starting the student game as a child process.
#include "file_draft_store.hpp"

#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace upstander::dashboard {

Result<void, std::string> FileDraftStore::play(const PlayCommand& command) {
  std::vector<char*> argv;
  for (const auto& a : command.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (argv.size() < 2 || posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
    return fail("teacher.author.error.play_start");
  // Reap the games started earlier that have finished, without waiting for any, and only
  // ours: the dashboard has other children (none today, but a reaper must not guess).
  std::erase_if(games_, [](pid_t p) { return waitpid(p, nullptr, WNOHANG) == p; });
  games_.push_back(pid);
  return {};
}

}  // namespace upstander::dashboard
