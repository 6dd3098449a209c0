// upstander-teacher: the teacher's program, as a small subcommand dispatcher.
#include <cstdio>
#include <exception>
#include <string>

#include "commands.hpp"

namespace {

constexpr const char* kHelp = R"(upstander-teacher: run Upstander with a class

usage:
  upstander-teacher [--server http://HOST:PORT --token-file FILE] [server options]
      Open the teacher dashboard: set up a class session, show the join code on the
      projector, follow the class live, lead the debrief, see past sessions. Without
      --server it starts the classroom server itself (the options below apply); with
      --server it uses that machine's server (run there with --remote-teacher) and its
      teacher token (--token-file, or UPSTANDER_TEACHER_TOKEN).

      --lang ko|en        dashboard language (default: the saved setting, else ko)
      --size WxH          window size (default 1280x720)
      --tour OUT_DIR      render every screen with a simulated class to PNGs; exits
                          non-zero on missing glyphs, overflowing text or missing strings

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
      --web-root DIR      the web game's bundle, served at / (default: web/ next to
                          this program, else build-web/bundle in a folder above it)
      --open              open http://localhost:PORT/teacher in the default browser
                          once the server listens
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
  const std::string command = argc < 2 ? "" : argv[1];
  const Args args(argv + (argc < 2 ? 1 : 2), argv + argc);
  try {
    if (command.empty() || (command.rfind("--", 0) == 0 && command != "--help")) {
#ifdef UPSTANDER_TEACHER_DASHBOARD
      return run_dashboard(Args(argv + 1, argv + argc));
#else
      std::fputs("upstander-teacher: this build has no dashboard (built with UPSTANDER_GUI=OFF); "
                 "use `upstander-teacher serve`\n", stderr);
      return 2;
#endif
    }
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
