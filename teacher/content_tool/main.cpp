// upstander-content: check, measure, draw, format, import, export and translate content files.
#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "upstander/build_info.hpp"

namespace {

constexpr const char* kHelp = R"(upstander-content: tools for Upstander scenario authors

usage:
  upstander-content check [--werror] [--format=text|github] PATH...
      Check every content file under PATH (files or folders). Prints every problem with
      file:line:column, the JSON pointer and how to fix it. Exit 1 on any error
      (with --werror also on any warning).
  upstander-content stats [--json] PATH...
      Decision points, endings, perspective switches, excuse and thought cards, estimated minutes and
      path lengths of each scenario.
  upstander-content graph [--lang=CODE] FILE
      The branching map of one scenario as Graphviz DOT (render with: dot -Tsvg).
  upstander-content fmt [--check] PATH...
      Rewrite files in the canonical layout; with --check only report files that differ.
  upstander-content codes
      List every diagnostic code with its severity.

  upstander-content import-twine [-o OUT.json] [--lang CODE] [--id ID] [--story NAME] FILE
      Turn a Twee 3 file or a Twine 2 published or archive .html into a scenario (passages
      become nodes, links choices, tags kinds; Harlowe and SugarCube set, if and go-to
      become variables, effects, conditions and routes), then check it and list what is left
      to write. An archive with several stories needs --story. Exit 1 while check finds errors.
  upstander-content export-twee [--lang CODE] [--format harlowe|sugarcube] [-o OUT.twee] FILE
      A scenario as Twee 3 in one language, for sketching in Twine, its variables, conditions,
      effects and routes as Harlowe (default) or SugarCube macros; the file's first lines say
      what does not survive the trip.
  upstander-content strings export --lang CODE [--source CODE] [-o OUT.csv] FILE
      Every text as a CSV table for a translator (id, source text, translation, status:
      translated, missing or stale), UTF-8 with a byte-order mark for spreadsheets.
  upstander-content strings import FILE.json FILE.csv
      Apply a filled-in table; unknown or duplicate ids and malformed lines are reported
      with their line and nothing is written. Prints the coverage of every language.

  upstander-content --version | --help

The format is described in content/FORMAT.md (installed in share/upstander/content/).
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
    if (command == "--help" || command == "-h" || command == "help" ||
        upstander::cli::asks_for_help(args)) {
      std::fputs(kHelp, stdout);
      return 0;
    }
    if (command == "--version") {
      std::fputs(upstander::version_text("upstander-content").c_str(), stdout);
      return 0;
    }
    if (command == "check") return run_check(args);
    if (command == "stats") return run_stats(args);
    if (command == "graph") return run_graph(args);
    if (command == "fmt") return run_fmt(args);
    if (command == "codes") return run_codes(args);
    if (command == "import-twine") return run_import_twine(args);
    if (command == "export-twee") return run_export_twee(args);
    if (command == "strings") return run_strings(args);
  } catch (const std::exception& e) {
    // Every content problem is a diagnostic; reaching this is a bug in the tool.
    std::fprintf(stderr, "upstander-content: internal error: %s\n", e.what());
    return 3;
  }
  return usage_error("unknown command \"" + command + "\"");
}
