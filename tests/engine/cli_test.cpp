// upstander-content as a program: exit codes, output channels, and the shipped content
// passing check --werror and fmt --check.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "content_tool_run.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace upstander;
using test::run_content_tool;

TEST_CASE("every shipped content file passes check --werror") {
  const test::ToolRun r = run_content_tool("check --werror content");
  CHECK_MESSAGE(r.exit_code == 0, r.output);
  CHECK(r.output.find("0 errors, 0 warnings") != std::string::npos);
}

TEST_CASE("every shipped content file is in the canonical layout") {
  const test::ToolRun r = run_content_tool("fmt --check content");
  CHECK_MESSAGE(r.exit_code == 0, r.output);
}

TEST_CASE("check exits 1 on errors, and on warnings only with --werror") {
  CHECK(run_content_tool("check tests/fixtures/diagnostics/unknown-node.json").exit_code == 1);
  CHECK(run_content_tool("check tests/fixtures/diagnostics/unreachable-node.json").exit_code == 0);
  CHECK(run_content_tool("check --werror tests/fixtures/diagnostics/unreachable-node.json")
            .exit_code == 1);
}

TEST_CASE("check collects the problems of every file, not the first") {
  const test::ToolRun r = run_content_tool(
      "check tests/fixtures/diagnostics/unknown-node.json tests/fixtures/diagnostics/bad-id.json");
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("unknown-node.json:69:17: error[unknown-node]") != std::string::npos);
  CHECK(r.output.find("bad-id.json:4:9: error[bad-id]") != std::string::npos);
  CHECK(r.output.find("bad-id.json:56:17: error[bad-id]") != std::string::npos);
  CHECK(r.output.find("checked 2 files: 3 errors") != std::string::npos);
}

TEST_CASE("--format=github prints workflow annotations") {
  const test::ToolRun r =
      run_content_tool("check --format=github tests/fixtures/diagnostics/unknown-node.json");
  CHECK(
      r.output.find(
          "::error file=tests/fixtures/diagnostics/unknown-node.json,line=69,col=17,title=unknown-node::") !=
      std::string::npos);
}

TEST_CASE("wrong usage exits 2 and says what to do") {
  CHECK(run_content_tool("").exit_code == 2);
  CHECK(run_content_tool("frobnicate").exit_code == 2);
  const test::ToolRun r = run_content_tool("check --wat content");
  CHECK(r.exit_code == 2);
  CHECK(r.output.find("unknown option --wat") != std::string::npos);
  CHECK(run_content_tool("check").exit_code == 2);
  CHECK(run_content_tool("graph").exit_code == 2);
}

TEST_CASE("bad input files exit 1 and never crash the tool") {
  const fs::path dir =
      fs::temp_directory_path() / ("upstander-cli-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& bytes) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return (dir / name).string();
  };
  std::string deep(100'000, '[');
  const std::vector<std::string> files = {
      write("syntax.json", "{\"type\": \"scenario\",,}"),
      write("utf8.json", "{\"type\": \"scen\xC3\x28rio\"}"),
      write("bom.json", "\xEF\xBB\xBF{\"type\": \"scenario\"}"),
      write("deep.json", deep),
      write("array.json", "[1, 2, 3]"),
      write("ids.json", "{\"type\": \"scenario\", \"id\": \"../../etc\"}"),
  };
  {
    std::ofstream out(dir / "big.json", std::ios::binary);
    const std::string chunk(1 << 20, ' ');
    for (int i = 0; i < 50; ++i) out << chunk;
  }
  for (const auto& f : files) {
    CAPTURE(f);
    const test::ToolRun r = run_content_tool("check '" + f + "'");
    CHECK(r.exit_code == 1);
    CHECK(r.output.find("error[") != std::string::npos);
  }
  const test::ToolRun big = run_content_tool("check '" + (dir / "big.json").string() + "'");
  CHECK(big.exit_code == 1);
  CHECK(big.output.find("error[file-too-large]") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("fmt repairs a byte-order mark and the layout, and --check notices both") {
  const fs::path dir =
      fs::temp_directory_path() / ("upstander-fmt-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  std::ifstream in(test::source_path("content/scenarios/feature-tour.json"), std::ios::binary);
  const std::string canonical((std::istreambuf_iterator<char>(in)), {});
  std::string messy = canonical;
  for (std::size_t at = messy.find("\n  "); at != std::string::npos;
       at = messy.find("\n  ", at + 1))
    messy.replace(at, 3, "\n\t");
  std::ofstream(dir / "tour.json", std::ios::binary) << "\xEF\xBB\xBF" << messy;
  CHECK(run_content_tool("fmt --check '" + dir.string() + "'").exit_code == 1);
  CHECK(run_content_tool("fmt '" + dir.string() + "'").exit_code == 0);
  std::ifstream back(dir / "tour.json", std::ios::binary);
  CHECK(std::string((std::istreambuf_iterator<char>(back)), {}) == canonical);
  CHECK(run_content_tool("fmt --check '" + dir.string() + "'").exit_code == 0);
  fs::remove_all(dir);
}

TEST_CASE("stats and graph describe the feature tour") {
  const test::ToolRun stats = run_content_tool("stats --json content/scenarios/feature-tour.json");
  REQUIRE(stats.exit_code == 0);
  CHECK(stats.output.find("\"decision_points\": 2") != std::string::npos);
  // Three story endings and the skip route's ending (issue 14).
  CHECK(stats.output.find("\"endings\": 4") != std::string::npos);
  CHECK(stats.output.find("\"skipped\": 1") != std::string::npos);
  const test::ToolRun graph = run_content_tool("graph content/scenarios/feature-tour.json");
  REQUIRE(graph.exit_code == 0);
  CHECK(graph.output.rfind("digraph \"feature-tour\" {", 0) == 0);
  CHECK(graph.output.find("\"end-harm\" [label=\"end-harm\\nending: harm\", shape=doubleoctagon") !=
        std::string::npos);
  CHECK(graph.output.find("\"edited\" -> \"ripple\"") == std::string::npos);
  CHECK(graph.output.find("\"edited\" -> \"forward-excuse\" [label=\"forward: ") !=
        std::string::npos);
}

TEST_CASE("stats on a missing, unreadable or invalid file exits 1 with the diagnostics") {
  const fs::path dir =
      fs::temp_directory_path() / ("upstander-stats-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  std::ofstream(dir / "broken.json", std::ios::binary) << "{\"type\": \"scenario\",,}";
  std::ofstream(dir / "typeless.json", std::ios::binary) << "{}";
  {
    // Larger than the per-file limit: refused without being read, like a file that cannot be.
    std::ofstream big(dir / "huge.json", std::ios::binary);
    big.seekp((17 << 20) - 1);
    big.put(' ');
  }
  struct Case {
    std::string path;
    std::string code;
  };
  for (const Case& c :
       std::vector<Case>{{(dir / "missing.json").string(), "error[io-error]"},
                         {(dir / "broken.json").string(), "error[json-syntax]"},
                         {(dir / "typeless.json").string(), "error[unknown-file-type]"},
                         {(dir / "huge.json").string(), "error[file-too-large]"}}) {
    CAPTURE(c.path);
    const test::ToolRun r = run_content_tool("stats '" + c.path + "'");
    CHECK(r.exit_code == 1);
    CHECK(r.output.find(c.code) != std::string::npos);
    CHECK(run_content_tool("stats --json '" + c.path + "'").exit_code == 1);
  }
  // A good file next to a broken one still gets its numbers.
  const test::ToolRun mixed = run_content_tool("stats content/scenarios/feature-tour.json '" +
                                               (dir / "broken.json").string() + "'");
  CHECK(mixed.exit_code == 1);
  CHECK(mixed.output.find("feature-tour (") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a NUL byte in a file cuts neither its diagnostic nor the next one") {
  const fs::path dir =
      fs::temp_directory_path() / ("upstander-nul-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  std::ofstream(dir / "a.json", std::ios::binary) << std::string("{\"type\": \"sce\0nario\"}", 21);
  std::ofstream(dir / "b.json", std::ios::binary) << "{\"type\": \"scenario\",,}";
  const test::ToolRun r = run_content_tool("check '" + dir.string() + "'");
  CHECK(r.exit_code == 1);
  CHECK(r.output.find('\0') == std::string::npos);
  const auto a = r.output.find("a.json:1:14: error[json-syntax]");
  const auto escaped = r.output.find("\"sce\\u0000nario\"");
  const auto fix = r.output.find(" = fix: ", escaped);
  const auto b = r.output.find("b.json:1:21: error[json-syntax]");
  REQUIRE(a != std::string::npos);
  REQUIRE(escaped != std::string::npos);
  REQUIRE(b != std::string::npos);
  CHECK(a < escaped);
  CHECK(fix < b);
  fs::remove_all(dir);
}

TEST_CASE("check on a one-line pack with thousands of errors lists 200 and says how many more") {
  const fs::path dir =
      fs::temp_directory_path() / ("upstander-many-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  {
    // As bench/make_error_pack.py writes it, smaller: one line, one misspelled key per node.
    std::ofstream out(dir / "pack.json", std::ios::binary);
    std::ifstream in(test::source_path("tests/fixtures/diagnostics/too-many-problems.json"),
                     std::ios::binary);
    std::string fixture((std::istreambuf_iterator<char>(in)), {});
    std::string head = fixture.substr(0, fixture.find("{\"id\": \"n0\""));
    std::string tail = fixture.substr(fixture.find("{\"id\": \"end\""));
    for (char& c : head) c = c == '\n' ? ' ' : c;
    for (char& c : tail) c = c == '\n' ? ' ' : c;
    out << head;
    for (int i = 0; i < 5000; ++i) {
      out << "{\"id\": \"n" << i
          << "\", \"kind\": \"narration\", \"text\": {\"en\": \"a\", \"ko\": \"b\"}, \"txet\": 0, "
          << "\"next\": \"" << (i + 1 < 5000 ? "n" + std::to_string(i + 1) : std::string("end"))
          << "\"}, ";
    }
    out << tail;
  }
  const test::ToolRun r = run_content_tool("check '" + (dir / "pack.json").string() + "'");
  CHECK(r.exit_code == 1);
  CHECK(r.output.find(
            "error[too-many-problems]: 4800 more problems (4800 errors, 0 warnings) not listed") !=
        std::string::npos);
  CHECK(r.output.find("checked 1 file: 5000 errors, 0 warnings") != std::string::npos);
  CHECK(r.output.size() < 200'000);
  const test::ToolRun gh =
      run_content_tool("check --format=github '" + (dir / "pack.json").string() + "'");
  CHECK(gh.output.find(",title=too-many-problems::4800 more problems") != std::string::npos);
  fs::remove_all(dir);
}
