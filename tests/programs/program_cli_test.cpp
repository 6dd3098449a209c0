// upstander, upstander-teacher and upstander-content share one parser: the same --help,
// --version, exit code 2 for a bad option with its name and a hint.
#include <doctest/doctest.h>

#include "content_tool_run.hpp"

using upstander::test::run_program;

namespace {

void check_conventions(const std::string& exe, const std::string& name, const std::string& bad_args,
                       const std::string& bad_option) {
  CAPTURE(name);
  for (const char* help : {"--help", "-h"}) {
    const auto r = run_program(exe, help);
    CHECK(r.exit_code == 0);
    CHECK(r.output.find("usage") != std::string::npos);
  }
  const auto v = run_program(exe, "--version");
  CHECK(v.exit_code == 0);
  CHECK(v.output.find(name) != std::string::npos);
  const auto bad = run_program(exe, bad_args);
  CHECK(bad.exit_code == 2);
  CHECK(bad.output.find(name + ": unknown option " + bad_option) != std::string::npos);
  CHECK(bad.output.find("(see " + name + " --help)") != std::string::npos);
}

}  // namespace

TEST_CASE("upstander-content follows the shared conventions") {
  check_conventions(UPSTANDER_CONTENT_TOOL, "upstander-content", "fmt --chek content", "--chek");
}

TEST_CASE("upstander-teacher and its subcommands follow the shared conventions") {
  check_conventions(UPSTANDER_TEACHER_EXE, "upstander-teacher", "serve --prot 8080", "--prot");
  CHECK(run_program(UPSTANDER_TEACHER_EXE, "serve --help").exit_code == 0);
  CHECK(run_program(UPSTANDER_TEACHER_EXE, "signin-link --help").exit_code == 0);
  const auto hint = run_program(UPSTANDER_TEACHER_EXE, "signin-link --dta /nowhere");
  CHECK(hint.exit_code == 2);
  CHECK(hint.output.find("did you mean \"--data\"?") != std::string::npos);
  // --name=value is read like --name value: a bad number is reported by name either way.
  for (const char* port : {"serve --port=99999", "serve --port 99999"}) {
    const auto r = run_program(UPSTANDER_TEACHER_EXE, port);
    CHECK(r.exit_code == 2);
    CHECK(r.output.find("--port needs a number from 0 to 65535") != std::string::npos);
  }
}

#ifdef UPSTANDER_GAME_EXE
TEST_CASE("upstander follows the shared conventions") {
  check_conventions(UPSTANDER_GAME_EXE, "upstander", "--sise 800x600", "--sise");
  const auto r = run_program(UPSTANDER_GAME_EXE, "--size=80x60");
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("--size wants WIDTHxHEIGHT") != std::string::npos);
}
#endif

// No home and no folder given: the programs say which variable to set and stop; they never
// fall back to a temporary folder (issue 17).
TEST_CASE("without HOME the teacher's program names what to set instead of using /tmp") {
  const auto r = run_program("/usr/bin/env", std::string("-u HOME -u XDG_DATA_HOME '") +
                                                 UPSTANDER_TEACHER_EXE + "' signin-link");
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("cannot find the data folder: set HOME (or XDG_DATA_HOME)") !=
        std::string::npos);
  CHECK(r.output.find("--data DIR") != std::string::npos);
  CHECK(r.output.find("/tmp") == std::string::npos);
}

#ifdef UPSTANDER_GAME_EXE
TEST_CASE("without HOME the game names what to set instead of saving to a temporary folder") {
  const auto r =
      run_program("/usr/bin/env", std::string("-u HOME -u XDG_DATA_HOME -u UPSTANDER_DATA_DIR '") +
                                      UPSTANDER_GAME_EXE + "'");
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("cannot find the data folder: set HOME (or XDG_DATA_HOME)") !=
        std::string::npos);
  CHECK(r.output.find("--data-dir FOLDER") != std::string::npos);
}
#endif
