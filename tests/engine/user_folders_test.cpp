// The one data-folder policy (issue 17): XDG on Linux, %APPDATA%/%LOCALAPPDATA% on Windows,
// IDBFS in the browser, an error (never a temporary folder) without a home, and older
// versions' folders adopted.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "upstander/result.hpp"
#include "upstander/user_folders.hpp"

using namespace upstander;
namespace fs = std::filesystem;

namespace {

std::string folder(Program p, FolderKind k, FolderPlatform on, const FolderEnvironment& env) {
  const auto r = user_folder(p, k, on, env);
  REQUIRE(r.ok());
  return r->generic_string();
}

FolderEnvironment only_home() {
  FolderEnvironment e;
  e.home = "/home/ana";
  return e;
}

}  // namespace

TEST_CASE("without XDG variables the folders are the spec's defaults under HOME") {
  const auto e = only_home();
  CHECK(folder(Program::Game, FolderKind::Config, FolderPlatform::Posix, e) ==
        "/home/ana/.config/upstander");
  CHECK(folder(Program::Game, FolderKind::Data, FolderPlatform::Posix, e) ==
        "/home/ana/.local/share/upstander");
  CHECK(folder(Program::Game, FolderKind::State, FolderPlatform::Posix, e) ==
        "/home/ana/.local/state/upstander");
  CHECK(folder(Program::Teacher, FolderKind::Data, FolderPlatform::Posix, e) ==
        "/home/ana/.local/share/upstander-teacher");
}

TEST_CASE("each XDG variable moves only its own kind of folder") {
  auto e = only_home();
  e.xdg_config_home = "/cfg";
  e.xdg_data_home = "/dat";
  e.xdg_state_home = "/st";
  CHECK(folder(Program::Teacher, FolderKind::Config, FolderPlatform::Posix, e) ==
        "/cfg/upstander-teacher");
  CHECK(folder(Program::Teacher, FolderKind::Data, FolderPlatform::Posix, e) ==
        "/dat/upstander-teacher");
  CHECK(folder(Program::Teacher, FolderKind::State, FolderPlatform::Posix, e) ==
        "/st/upstander-teacher");
  e.xdg_data_home.clear();
  CHECK(folder(Program::Teacher, FolderKind::Data, FolderPlatform::Posix, e) ==
        "/home/ana/.local/share/upstander-teacher");
}

TEST_CASE("a relative XDG variable is ignored, as the spec says") {
  auto e = only_home();
  e.xdg_data_home = "relative/data";
  CHECK(folder(Program::Game, FolderKind::Data, FolderPlatform::Posix, e) ==
        "/home/ana/.local/share/upstander");
}

TEST_CASE("with no home and no XDG variable there is an error, not a temporary folder") {
  FolderEnvironment e;
  const auto r = user_folder(Program::Game, FolderKind::Data, FolderPlatform::Posix, e);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error() == FolderError::NoHome);
  CHECK(folder_error_text(r.error(), FolderKind::Data).find("XDG_DATA_HOME") != std::string::npos);
  e.home = "not/absolute";
  CHECK_FALSE(user_folder(Program::Teacher, FolderKind::State, FolderPlatform::Posix, e).ok());
  e.xdg_state_home = "/st";  // the XDG variable alone is enough for its own kind
  CHECK(folder(Program::Teacher, FolderKind::State, FolderPlatform::Posix, e) ==
        "/st/upstander-teacher");
}

TEST_CASE(
    "on Windows config is roaming, data and state local, the teacher's folder keeps its name") {
  FolderEnvironment e;
  e.appdata = "C:\\Users\\ana\\AppData\\Roaming";
  e.localappdata = "C:\\Users\\ana\\AppData\\Local";
  CHECK(folder(Program::Teacher, FolderKind::Data, FolderPlatform::Windows, e) ==
        "C:\\Users\\ana\\AppData\\Local\\Upstander");
  CHECK(folder(Program::Teacher, FolderKind::Config, FolderPlatform::Windows, e) ==
        "C:\\Users\\ana\\AppData\\Roaming\\Upstander");
  CHECK(folder(Program::Teacher, FolderKind::State, FolderPlatform::Windows, e) ==
        "C:\\Users\\ana\\AppData\\Local\\Upstander\\State");
  CHECK(folder(Program::Game, FolderKind::Data, FolderPlatform::Windows, e) ==
        "C:\\Users\\ana\\AppData\\Local\\Upstander Game");
  e.localappdata.clear();
  const auto r = user_folder(Program::Teacher, FolderKind::Data, FolderPlatform::Windows, e);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error() == FolderError::NoAppData);
  CHECK(folder_error_text(r.error(), FolderKind::Data).find("%LOCALAPPDATA%") != std::string::npos);
  e.localappdata = "relative";
  CHECK_FALSE(user_folder(Program::Teacher, FolderKind::Data, FolderPlatform::Windows, e).ok());
}

TEST_CASE("in the browser every folder is the program's IndexedDB mount") {
  const FolderEnvironment none;
  CHECK(folder(Program::Game, FolderKind::Config, FolderPlatform::Browser, none) == "/data");
  CHECK(folder(Program::Game, FolderKind::Data, FolderPlatform::Browser, none) == "/data");
  CHECK(folder(Program::Teacher, FolderKind::Data, FolderPlatform::Browser, none) ==
        "/teacher-data");
}

TEST_CASE("an older version's folder is adopted only when the new one does not exist") {
  const fs::path root =
      fs::temp_directory_path() / ("upstander-folders-" + std::to_string(std::random_device{}()));
  fs::create_directories(root / "old");
  std::ofstream(root / "old" / "draft.json") << "{}";
  CHECK(adopt_old_folder(root / "old", root / "new" / "drafts") == root / "new" / "drafts");
  CHECK(fs::exists(root / "new" / "drafts" / "draft.json"));
  CHECK_FALSE(fs::exists(root / "old"));
  // Both exist: the new one wins, the old one stays untouched.
  fs::create_directories(root / "old2");
  std::ofstream(root / "old2" / "x.json") << "{}";
  CHECK(adopt_old_folder(root / "old2", root / "new" / "drafts") == root / "new" / "drafts");
  CHECK(fs::exists(root / "old2" / "x.json"));
  CHECK_FALSE(fs::exists(root / "new" / "drafts" / "x.json"));
  fs::remove_all(root);
}

TEST_CASE("a Result holds a value or an error, even when both are strings") {
  const auto good = [](bool ok) -> Result<std::string, std::string> {
    if (!ok) return fail(std::string("broken"));
    return std::string("fine");
  };
  CHECK(good(true).ok());
  CHECK(*good(true) == "fine");
  CHECK_FALSE(good(false).ok());
  CHECK(good(false).error() == "broken");
  CHECK(good(false).value_or("fallback") == "fallback");
  const auto nothing = [](bool ok) -> Result<void, FolderError> {
    if (!ok) return fail(FolderError::NoHome);
    return {};
  };
  CHECK(nothing(true).ok());
  CHECK(nothing(false).error() == FolderError::NoHome);
}
