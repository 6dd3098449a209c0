// upstander-teacher: the teacher's program, as a small subcommand dispatcher.
#include <cstdio>
#include <exception>
#include <string>

#include "commands.hpp"
#include "upstander/build_info.hpp"

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

      --config FILE       settings file (key = value: port, bind, k, retention_days;
                          the packaged service reads /etc/upstander/serve.conf);
                          the options given here win over it
      --port N            HTTP port (default 8080; 0 picks a free one and prints it)
      --bind ADDR         address to listen on (default 0.0.0.0, all networks)
      --data DIR          data folder (default $XDG_DATA_HOME/upstander-teacher or
                          ~/.local/share/upstander-teacher; on Windows
                          %LOCALAPPDATA%\Upstander); must be a local disk
      --content DIR       content folder (repeatable; default: the shipped content,
                          content/ beside this program, else share/upstander/content
                          beside its folder)
      --k N               smallest group shown in results (3-100), set at start
      --retention-days N  days students' raw answers are kept after a session ends
                          (0-30), set at start
      --discovery-port N  UDP port answering students' discovery broadcast
                          (default 47810; 0 turns discovery off)
      --remote-teacher    accept teacher requests from other machines (they still
                          need the teacher token)
      --allow-host NAME   also accept this host name in requests (repeatable)
      --workers N         HTTP worker threads (default 64)
      --web-root DIR      the web game's bundle, served at / (default: web/ next to
                          this program, else share/upstander/web, else build-web/bundle)
      --open              open the teacher's sign-in link in the default browser (the
                          Windows launcher asks for this)
      --no-browser        do not open it (by default it opens when serve runs in a
                          terminal on a desktop)

      It prints the addresses students open and a one-time sign-in link for the
      teacher's browser (/teacher, docs/dashboard.md).

  upstander-teacher signin-link [--port N] [--data DIR]
      Print a new one-time sign-in link from the server running on this computer.

  upstander-teacher --version | --help
      The version and git commit (and where the content is found), or this text.
)";

}  // namespace

namespace upstander::teacher {

int usage_error(const std::string& message) {
  return cli::report_usage_error("upstander-teacher", message);
}

}  // namespace upstander::teacher

int main(int argc, char** argv) {
  using namespace upstander::teacher;
  const std::string command = argc < 2 ? "" : argv[1];
  const Args args(argv + (argc < 2 ? 1 : 2), argv + argc);
  try {
    if (upstander::cli::asks_for_help(Args(argv + 1, argv + argc))) {
      std::fputs(kHelp, stdout);
      return 0;
    }
    if (command.empty() ||
        (command.rfind("--", 0) == 0 && command != "--help" && command != "--version")) {
#ifdef UPSTANDER_TEACHER_DASHBOARD
      return run_dashboard(Args(argv + 1, argv + argc));
#else
      std::fputs(
          "upstander-teacher: this build has no dashboard (built with UPSTANDER_GUI=OFF, or "
          "for Windows); use `upstander-teacher serve`\n",
          stderr);
      return 2;
#endif
    }
    if (command == "help") {
      std::fputs(kHelp, stdout);
      return 0;
    }
    if (command == "--version") {
      std::fputs(upstander::version_text("upstander-teacher").c_str(), stdout);
      return 0;
    }
    if (command == "serve") return run_serve(args);
    if (command == "signin-link") return run_signin_link(args);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "upstander-teacher: internal error: %s\n", e.what());
    return 3;
  }
  return usage_error("unknown command \"" + command + "\"");
}
