// The one command-line parser of upstander, upstander-teacher and upstander-content
// (issue 17), so all three share one convention: `--name value` and `--name=value`,
// repeatable options, `--` before paths that start with a dash, -h/--help and --version
// always known, and an unknown option an error that names it (exit code kUsageExit).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "upstander/result.hpp"

namespace upstander::cli {

inline constexpr int kUsageExit = 2;

// One option a command accepts.
struct Spec {
  std::string name;  // "--port"
  bool takes_value = false;
  std::string short_name;  // "-o", or ""
};
inline Spec flag(std::string name) {
  return {std::move(name), false, {}};
}
inline Spec option(std::string name, std::string short_name = {}) {
  return {std::move(name), true, std::move(short_name)};
}

// A command line split into options (in the order given) and the rest.
struct Parsed {
  std::vector<std::pair<std::string, std::string>> options;  // {"--port", "8080"}; flags: ""
  std::vector<std::string> positionals;
  bool help = false;
  bool version = false;

  bool has(const std::string& name) const;
  // The last value given, else `fallback`.
  std::string value(const std::string& name, const std::string& fallback = {}) const;
  std::vector<std::string> values(const std::string& name) const;  // every one, in order
};

// What was wrong, in a sentence naming the option ("unknown option --prot (did you mean
// "--port"?)").
struct UsageError {
  std::string message;
};

// Parses `args` (without the program's name) against `specs`; `allow_positionals` says
// whether anything but options may appear.
Result<Parsed, UsageError> parse(const std::vector<std::string>& args,
                                 const std::vector<Spec>& specs, bool allow_positionals);

// Whether -h or --help comes before any "--": a program with subcommands answers it with
// its help before the subcommand's own parsing.
bool asks_for_help(const std::vector<std::string>& args);

// "<program>: <message>\n(see <program> --help)\n" on stderr; returns kUsageExit.
int report_usage_error(const std::string& program, const std::string& message);

}  // namespace upstander::cli
