// Argument handling shared by the subcommands: the shared parser, errors in one voice.
#include "commands.hpp"

namespace upstander::tool {

int usage_error(const std::string& message) {
  return cli::report_usage_error("upstander-content", message);
}

std::optional<ParsedArgs> parse_command(const Args& args, const std::vector<cli::Spec>& specs) {
  auto parsed = cli::parse(args, specs, /*allow_positionals=*/true);
  if (!parsed) {
    usage_error(parsed.error().message);
    return std::nullopt;
  }
  return std::move(*parsed);
}

}  // namespace upstander::tool
