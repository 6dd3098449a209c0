// The subcommands of upstander-content. Each returns the process exit code:
// 0 success, 1 content problems, 2 wrong usage.
#pragma once

#include <string>
#include <vector>

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
// Splits options (--x, --x=y) from paths; unknown options are reported by the caller.
struct ParsedArgs {
  std::vector<std::string> options;
  std::vector<std::string> paths;
  bool has(const std::string& option) const;
  std::string value(const std::string& option, const std::string& fallback) const;
};
ParsedArgs parse_args(const Args& args);
// Reports the first option not in `allowed`; returns false if there was one.
bool only_options(const ParsedArgs& p, const std::vector<std::string>& allowed);
// Rewrites "--lang ko" as "--lang=ko" for the options in `with_value`, and "-o FILE" as
// "--output=FILE", so both spellings work.
Args join_option_values(const Args& args, const std::vector<std::string>& with_value);

}  // namespace upstander::tool
