// upstander-teacher: the teacher's program, as a small subcommand dispatcher.
#include <cstdio>
#include <exception>
#include <string>

#include "commands.hpp"

namespace {

constexpr const char* kHelp = R"(upstander-teacher: run Upstander with a class

usage:
  upstander-teacher serve [--port N] [--bind ADDR] [--data DIR] [options]
      Run the classroom server without a window. Students join with the code of a
      session; the dashboard (or any client with the teacher token) drives it over
      the API described in docs/api.md.

      --port N            HTTP port (default 8080; 0 picks a free one and prints it)
      --bind ADDR         address to listen on (default 0.0.0.0, all networks)
      --data DIR          data folder (default $XDG_DATA_HOME/upstander-teacher or
                          ~/.local/share/upstander-teacher); must be a local disk
      --content DIR       content folder (repeatable; default: the shipped content)
      --discovery-port N  UDP port answering students' discovery broadcast
                          (default 47810; 0 turns discovery off)
      --remote-teacher    accept teacher requests from other machines (they still
                          need the teacher token)
      --allow-host NAME   also accept this host name in requests (repeatable)
      --workers N         HTTP worker threads (default 64)
)";

}  // namespace

namespace upstander::teacher {

int usage_error(const std::string& message) {
  std::fprintf(stderr, "upstander-teacher: %s\n(see upstander-teacher --help)\n", message.c_str());
  return 2;
}

}  // namespace upstander::teacher

int main(int argc, char** argv) {
  using namespace upstander::teacher;
  if (argc < 2) {
    std::fputs(kHelp, stderr);
    return 2;
  }
  const std::string command = argv[1];
  const Args args(argv + 2, argv + argc);
  try {
    if (command == "--help" || command == "-h" || command == "help") {
      std::fputs(kHelp, stdout);
      return 0;
    }
    if (command == "serve") return run_serve(args);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "upstander-teacher: internal error: %s\n", e.what());
    return 3;
  }
  return usage_error("unknown command \"" + command + "\"");
}
