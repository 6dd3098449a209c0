// Golden tests: each fixture in tests/fixtures/diagnostics/ is named after the diagnostic
// code it shows, and its .expected file holds the exact text the checker prints for it.
// To regenerate after an intended change: UPSTANDER_UPDATE_GOLDEN=1 ./engine_tests, then
// read the diff before committing.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "test_support.hpp"
#include "upstander/diagnostic_codes.hpp"

using namespace upstander;
namespace fs = std::filesystem;

namespace {

const std::string kDir = "tests/fixtures/diagnostics";

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Loads a fixture (a file, or a folder checked as one library) under its repo-relative
// name, so the expected text does not depend on where the repo is checked out.
Diagnostics check_fixture(const fs::path& full, const std::string& relative) {
  if (fs::is_directory(full)) {
    const fs::path cwd = fs::current_path();
    fs::current_path(UPSTANDER_SOURCE_DIR);
    ContentLibrary lib = ContentLibrary::load({relative});
    fs::current_path(cwd);
    Diagnostics d = lib.diagnostics();
    d.sort();
    return d;
  }
  Diagnostics d;
  load_content_text(relative, read_file(full), d);
  d.sort();
  return d;
}

std::vector<fs::path> fixtures() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(test::source_path(kDir))) {
    if (e.is_directory() || e.path().extension() == ".json") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("every fixture prints exactly its expected diagnostics") {
  const bool update = std::getenv("UPSTANDER_UPDATE_GOLDEN") != nullptr;
  const auto all = fixtures();
  REQUIRE(all.size() >= 40);
  for (const auto& path : all) {
    const std::string name = path.stem().string();
    const std::string relative = kDir + "/" + path.filename().string();
    CAPTURE(relative);
    const Diagnostics d = check_fixture(path, relative);
    const std::string actual = format_all_text(d);  // what `check` prints, "and N more" included
    const fs::path expected_path = fs::path(test::source_path(kDir)) / (name + ".expected");
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << actual;
      continue;
    }
    REQUIRE_MESSAGE(fs::exists(expected_path),
                    "missing " << expected_path << "; run with UPSTANDER_UPDATE_GOLDEN=1");
    CHECK(actual == read_file(expected_path));
  }
}

TEST_CASE("each fixture shows the code it is named after") {
  for (const auto& path : fixtures()) {
    const std::string name = path.stem().string();
    if (name == "locale-pair") continue;  // shows two codes; checked below
    const Diagnostics d = check_fixture(path, kDir + "/" + path.filename().string());
    const bool found = std::any_of(d.all().begin(), d.all().end(),
                                   [&](const Diagnostic& x) { return x.code == name; }) ||
                       (name == codes::kTooManyProblems && !d.omitted().empty());
    CHECK_MESSAGE(found, name << " does not produce the code it is named after");
  }
}

TEST_CASE("every diagnostic code is exercised by a fixture or a named test") {
  // Codes that need conditions a small file cannot create are covered in bad_input_test.
  const std::set<std::string> elsewhere = {"io-error", "file-too-large", "search-incomplete"};
  std::set<std::string> seen;
  for (const auto& path : fixtures()) {
    const Diagnostics d = check_fixture(path, kDir + "/" + path.filename().string());
    for (const auto& x : d.all()) seen.insert(x.code);
    if (!d.omitted().empty()) seen.insert(std::string(codes::kTooManyProblems));
  }
  for (const auto& c : codes::all_codes()) {
    const std::string code(c.code);
    CHECK_MESSAGE((seen.count(code) > 0 || elsewhere.count(code) > 0), "no fixture shows " << code);
  }
}

TEST_CASE("severity of every reported diagnostic matches the code table") {
  for (const auto& path : fixtures()) {
    const Diagnostics d = check_fixture(path, kDir + "/" + path.filename().string());
    for (const auto& x : d.all()) {
      const auto info = std::find_if(codes::all_codes().begin(), codes::all_codes().end(),
                                     [&](const codes::CodeInfo& c) { return c.code == x.code; });
      REQUIRE_MESSAGE(info != codes::all_codes().end(), "unregistered code " << x.code);
      CHECK_MESSAGE(info->severity == x.severity, x.code << " reported with the wrong severity");
    }
  }
}
