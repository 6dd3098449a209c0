// The one command-line parser (issue 17): both spellings of a value, repeats, flags,
// "--", help and version, and errors that name the option.
#include <doctest/doctest.h>

#include "content_tool_run.hpp"
#include "upstander/command_line.hpp"

using namespace upstander;

namespace {

const std::vector<cli::Spec> kSpecs = {cli::option("--port"), cli::option("--content"),
                                       cli::option("--output", "-o"), cli::flag("--json")};

cli::Parsed parsed(const std::vector<std::string>& args) {
  const auto r = cli::parse(args, kSpecs, /*allow_positionals=*/true);
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  return *r;
}

std::string error_of(const std::vector<std::string>& args, bool positionals = true) {
  const auto r = cli::parse(args, kSpecs, positionals);
  REQUIRE_FALSE(r.ok());
  return r.error().message;
}

}  // namespace

TEST_CASE("a value is given as --name value or --name=value, the last one wins") {
  CHECK(parsed({"--port", "8080"}).value("--port") == "8080");
  CHECK(parsed({"--port=8081"}).value("--port") == "8081");
  CHECK(parsed({"--port=1", "--port", "2"}).value("--port") == "2");
  CHECK(parsed({"--port="}).has("--port"));
  CHECK(parsed({"--port="}).value("--port", "x").empty());
  CHECK(parsed({}).value("--port", "fallback") == "fallback");
  CHECK(parsed({"-o", "out.csv"}).value("--output") == "out.csv");
}

TEST_CASE("repeated options keep every value in order; flags and paths are apart") {
  const auto p =
      parsed({"--content", "a", "x.json", "--content=b", "--json", "--", "--not-an-option"});
  CHECK(p.values("--content") == std::vector<std::string>{"a", "b"});
  CHECK(p.has("--json"));
  CHECK(p.positionals == std::vector<std::string>{"x.json", "--not-an-option"});
}

TEST_CASE("-h, --help and --version are always known") {
  CHECK(parsed({"-h"}).help);
  CHECK(parsed({"--help"}).help);
  CHECK(parsed({"--version"}).version);
  CHECK_FALSE(parsed({"--json"}).help);
  CHECK(cli::asks_for_help({"serve", "--port", "1", "--help"}));
  CHECK_FALSE(cli::asks_for_help({"check", "--", "--help"}));
}

TEST_CASE("mistakes are errors that name the option") {
  CHECK(error_of({"--prot", "1"}) == "unknown option --prot (did you mean \"--port\"?)");
  CHECK(error_of({"--zzzzzz"}) == "unknown option --zzzzzz");
  CHECK(error_of({"--port"}) == "--port needs a value");
  CHECK(error_of({"--json=yes"}) == "--json takes no value");
  CHECK(error_of({"stray"}, /*positionals=*/false) == "unexpected argument \"stray\"");
}

TEST_CASE("upstander-content answers --help anywhere and names an unknown option, exit 2") {
  const test::ToolRun help = test::run_content_tool("check --help");
  CHECK(help.exit_code == 0);
  CHECK(help.output.find("usage:") != std::string::npos);
  const test::ToolRun bad = test::run_content_tool("stats --jsno content");
  CHECK(bad.exit_code == cli::kUsageExit);
  CHECK(bad.output.find("unknown option --jsno (did you mean \"--json\"?)") != std::string::npos);
  CHECK(bad.output.find("(see upstander-content --help)") != std::string::npos);
  // Both spellings of a value, and -o, reach the command.
  CHECK(test::run_content_tool("check --format github tests/fixtures/diagnostics/unknown-node.json")
            .output.find("::error file=") != std::string::npos);
}
