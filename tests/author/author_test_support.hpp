// Helpers shared by the authoring tests: repository paths, shipped scenarios, a scratch
// folder per test, running upstander-content, and reading an edit's refusal.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "upstander/author/edit_command.hpp"
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

// Why an edit was refused, or nullopt when it was applied: CHECK(refusal(r) ==
// EditError::BadId) fails on a success instead of reading error() from it.
inline std::optional<author::EditError> refusal(const author::EditResult& r) {
  if (r.ok()) return std::nullopt;
  return r.error().code;
}

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
