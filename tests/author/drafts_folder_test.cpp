// The teacher's drafts (recovery files and backups) live in the teacher's data folder, and
// those an older version left in the student game's folder are adopted (issue 17).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "upstander/author/autosave.hpp"

namespace fs = std::filesystem;

namespace {

// Sets an environment variable for one test, and puts back what was there.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* v = std::getenv(name)) old_ = v, had_ = true;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() { had_ ? (void)::setenv(name_, old_.c_str(), 1) : (void)::unsetenv(name_); }

 private:
  const char* name_;
  std::string old_;
  bool had_ = false;
};

}  // namespace

TEST_CASE("the teacher's drafts go to the teacher's data folder, and old ones follow") {
  const fs::path root =
      fs::temp_directory_path() / ("upstander-drafts-" + std::to_string(std::random_device{}()));
  fs::create_directories(root / "upstander" / "recovery");
  std::ofstream(root / "upstander" / "recovery" / "pack.json") << "{}";
  const ScopedEnv xdg("XDG_DATA_HOME", root.string());
  const auto dir = upstander::author::default_data_dir();
  REQUIRE(dir.ok());
  CHECK(fs::path(*dir) == root / "upstander-teacher" / "author");
  CHECK(fs::exists(root / "upstander-teacher" / "author" / "recovery" / "pack.json"));
  CHECK_FALSE(fs::exists(root / "upstander" / "recovery"));
  fs::remove_all(root);
}

TEST_CASE("without a home the drafts folder is an error and autosave writes nothing") {
  const ScopedEnv xdg("XDG_DATA_HOME", "");
  const ScopedEnv home("HOME", "");
  CHECK_FALSE(upstander::author::default_data_dir().ok());
  upstander::author::Autosaver saver("pack.json", {});
  CHECK(saver.recovery_file().empty());
  CHECK_FALSE(saver.changed("text"));
  CHECK_FALSE(saver.flush());
}
