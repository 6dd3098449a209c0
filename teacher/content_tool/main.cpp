// upstander-content: check, measure, draw and format Upstander content files.
#include <cstdio>
#include <iostream>

#include "commands.hpp"

namespace {

constexpr const char* kHelp = R"(upstander-content: tools for Upstander scenario authors

usage:
  upstander-content check [--werror] [--format=text|github] PATH...
      Check every content file under PATH (files or folders). Prints every problem with
      file:line:column, the JSON pointer and how to fix it. Exit 1 on any error
      (with --werror also on any warning).
  upstander-content stats [--json] PATH...
      Decision points, endings, perspective switches, excuse cards, estimated minutes and
      path lengths of each scenario.
  upstander-content graph [--lang=CODE] FILE
      The branching map of one scenario as Graphviz DOT (render with: dot -Tsvg).
  upstander-content fmt [--check] PATH...
      Rewrite files in the canonical layout; with --check only report files that differ.
  upstander-content codes
      List every diagnostic code with its severity.

The format is described in content/FORMAT.md.
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace upstander::tool;
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
    if (command == "check") return run_check(args);
    if (command == "stats") return run_stats(args);
    if (command == "graph") return run_graph(args);
    if (command == "fmt") return run_fmt(args);
    if (command == "codes") return run_codes(args);
  } catch (const std::exception& e) {
    // Every content problem is a diagnostic; reaching this is a bug in the tool.
    std::fprintf(stderr, "upstander-content: internal error: %s\n", e.what());
    return 3;
  }
  return usage_error("unknown command \"" + command + "\"");
}
