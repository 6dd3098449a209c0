// Runs upstander-content (or another program) as an author would, from the repository root,
// for the tests of its command line (the target defines UPSTANDER_CONTENT_TOOL as the built
// tool's path).
#pragma once

#include <doctest/doctest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace upstander::test {

struct ToolRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Any of the programs, by its path, with `args` as a shell would split them.
inline ToolRun run_program(const std::string& exe, const std::string& args) {
  const std::string cmd =
      std::string("cd '") + UPSTANDER_SOURCE_DIR + "' && '" + exe + "' " + args + " 2>&1";
  ToolRun r;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 4096> buf{};
  while (std::size_t n = fread(buf.data(), 1, buf.size(), p)) r.output.append(buf.data(), n);
  const int status = pclose(p);
  REQUIRE_MESSAGE(WIFEXITED(status), "the tool crashed: " << r.output);
  r.exit_code = WEXITSTATUS(status);
  return r;
}

#ifdef UPSTANDER_CONTENT_TOOL
inline ToolRun run_content_tool(const std::string& args) {
  return run_program(UPSTANDER_CONTENT_TOOL, args);
}
#endif

}  // namespace upstander::test
