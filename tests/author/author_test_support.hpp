// Helpers shared by the authoring tests: repository paths, shipped scenarios, a scratch
// folder per test, and running upstander-content.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "upstander/content_file.hpp"

namespace upstander::test {

inline std::string source_path(const std::string& relative) {
  return std::string(UPSTANDER_SOURCE_DIR) + "/" + relative;
}
std::string read_text(const std::string& path);
void write_text(const std::string& path, const std::string& text);

// Every scenario under content/scenarios (sorted paths).
std::vector<std::string> shipped_scenario_paths();
// Loads a scenario file that must load without errors.
Scenario load_scenario(const std::string& path);

// A fresh empty folder under the build tree, removed when the object goes.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& name);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace upstander::test
