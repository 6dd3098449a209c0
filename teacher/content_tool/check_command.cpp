// `upstander-content check`: every problem in every file, then a one-line summary.
#include <cstdio>

#include "commands.hpp"
#include "upstander/content_library.hpp"
#include "upstander/diagnostic_codes.hpp"

namespace upstander::tool {

int run_check(const Args& args) {
  const auto parsed = parse_command(args, {cli::flag("--werror"), cli::option("--format")});
  if (!parsed) return cli::kUsageExit;
  const ParsedArgs& p = *parsed;
  const std::string format = p.value("--format", "text");
  if (format != "text" && format != "github") return usage_error("--format must be text or github");
  if (p.positionals.empty()) return usage_error("check needs at least one file or folder");

  ContentLibrary lib = ContentLibrary::load(p.positionals);
  Diagnostics diags = lib.diagnostics();
  diags.sort();
  if (format == "github") {
    for (const auto& d : diags.all()) std::fputs((format_github(d) + "\n").c_str(), stdout);
    for (const auto& [file, o] : diags.omitted())
      std::fputs((format_omitted_github(file, o) + "\n").c_str(), stdout);
  } else {
    std::fputs(format_all_text(diags).c_str(), stderr);
  }
  const std::size_t files = lib.files().size();
  std::fprintf(stderr, "checked %zu file%s: %zu error%s, %zu warning%s\n", files,
               files == 1 ? "" : "s", diags.error_count(), diags.error_count() == 1 ? "" : "s",
               diags.warning_count(), diags.warning_count() == 1 ? "" : "s");
  if (diags.has_errors()) return 1;
  if (p.has("--werror") && diags.warning_count() > 0) return 1;
  return 0;
}

int run_codes(const Args& args) {
  if (!args.empty()) return usage_error("codes takes no arguments");
  for (const auto& c : codes::all_codes()) {
    std::printf("%-26s %-8s %s\n", std::string(c.code).c_str(),
                std::string(severity_name(c.severity)).c_str(), std::string(c.summary).c_str());
  }
  return 0;
}

}  // namespace upstander::tool
