// Where each program keeps the user's own files: the one data-folder policy (issue 17).
// Linux: the XDG Base Directory spec (config, data, state); Windows: %APPDATA% and
// %LOCALAPPDATA%; the browser: the IndexedDB folder. Never a temporary folder: with no home
// the program says so and stops. What goes where: docs/admin.md "Where data lives".
#pragma once

#include <filesystem>
#include <string>

#include "upstander/result.hpp"

namespace upstander {

enum class Program { Game, Teacher };  // upstander, upstander-teacher
enum class FolderKind { Config, Data, State };
enum class FolderPlatform { Posix, Windows, Browser };

enum class FolderError {
  NoHome,     // POSIX: neither the XDG variable nor $HOME is an absolute path
  NoAppData,  // Windows: %APPDATA% or %LOCALAPPDATA% is missing or not absolute
};

// The variables the policy reads, as this process has them (empty when unset).
struct FolderEnvironment {
  std::string home, xdg_config_home, xdg_data_home, xdg_state_home;
  std::string appdata, localappdata;
};
FolderEnvironment folder_environment();

// The browser builds' IDBFS mounts, each holding everything its program keeps there.
inline constexpr const char* kBrowserGameFolder = "/data";
inline constexpr const char* kBrowserTeacherFolder = "/teacher-data";

// The rule itself, pure: `kind` folder of `program` on `platform` given `env`.
Result<std::filesystem::path, FolderError> user_folder(Program program, FolderKind kind,
                                                       FolderPlatform platform,
                                                       const FolderEnvironment& env);
// The same for this build's platform and this process's environment.
Result<std::filesystem::path, FolderError> user_folder(Program program, FolderKind kind);

// What the program prints when user_folder failed: which variables to set.
std::string folder_error_text(FolderError error, FolderKind kind);

// Moves a folder (or file) kept by an older version at `old_place` to `new_place` when only
// the old one exists, so nothing is lost (copied, then removed, across disks). Returns where
// the files are now: `new_place`, or `old_place` when neither worked.
std::filesystem::path adopt_old_folder(const std::filesystem::path& old_place,
                                       const std::filesystem::path& new_place);

}  // namespace upstander
