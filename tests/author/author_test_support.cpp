// Shared helpers for the authoring tests.
#include "author_test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace upstander::test {

namespace fs = std::filesystem;

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::vector<std::string> shipped_scenario_paths() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(source_path("content/scenarios"))) {
    if (e.path().extension() == ".json") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

Scenario load_scenario(const std::string& path) {
  Diagnostics d;
  ContentFile f = load_content_file(path, d);
  std::string shown;
  for (const auto& x : d.all()) shown += format_text(x);
  REQUIRE_MESSAGE(f.scenario() != nullptr, path);
  REQUIRE_MESSAGE(!d.has_errors(), shown);
  return *f.scenario();
}

ScratchDir::ScratchDir(const std::string& name) {
  path_ = fs::path(UPSTANDER_BINARY_DIR) / "author-test-scratch" / name;
  fs::remove_all(path_);
  fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

}  // namespace upstander::test
