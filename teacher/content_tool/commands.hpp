// The subcommands of upstander-content. Each returns the process exit code:
// 0 success, 1 content problems, 2 wrong usage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "upstander/command_line.hpp"

namespace upstander::tool {

using Args = std::vector<std::string>;

int run_check(const Args& args);
int run_stats(const Args& args);
int run_graph(const Args& args);
int run_fmt(const Args& args);
int run_codes(const Args& args);
int run_import_twine(const Args& args);
int run_export_twee(const Args& args);
int run_strings(const Args& args);

// Prints "upstander-content: <message>" and a pointer to --help; returns 2.
int usage_error(const std::string& message);
// A subcommand's options (`--name value` or `--name=value`, `-o FILE`) and paths, by the
// shared parser (upstander/command_line.hpp); nullopt after printing a usage error.
using ParsedArgs = cli::Parsed;
std::optional<ParsedArgs> parse_command(const Args& args, const std::vector<cli::Spec>& specs);

}  // namespace upstander::tool
