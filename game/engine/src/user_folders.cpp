// The data-folder policy: XDG on Linux, %APPDATA%/%LOCALAPPDATA% on Windows, IDBFS in the
// browser, and no fallback to a shared temporary folder.
#include "upstander/user_folders.hpp"

#include <cstdlib>
#include <system_error>

namespace upstander {

namespace fs = std::filesystem;

namespace {

std::string env_var(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

// The spec: a relative path in an XDG variable is invalid and is ignored. On Windows,
// "C:\..." is absolute; a POSIX build must not take it for relative, hence by hand.
bool absolute_on(FolderPlatform platform, const std::string& p) {
  if (platform == FolderPlatform::Windows)
    return (p.size() >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/')) ||
           p.rfind("\\\\", 0) == 0;
  return !p.empty() && p[0] == '/';
}

Result<fs::path, FolderError> posix_folder(Program program, FolderKind kind,
                                           const FolderEnvironment& env) {
  const char* name = program == Program::Game ? "upstander" : "upstander-teacher";
  const std::string& xdg = kind == FolderKind::Config ? env.xdg_config_home
                           : kind == FolderKind::Data ? env.xdg_data_home
                                                      : env.xdg_state_home;
  if (absolute_on(FolderPlatform::Posix, xdg)) return fs::path(xdg) / name;
  if (!absolute_on(FolderPlatform::Posix, env.home)) return fail(FolderError::NoHome);
  const fs::path home(env.home);
  const fs::path base = kind == FolderKind::Config ? home / ".config"
                        : kind == FolderKind::Data ? home / ".local" / "share"
                                                   : home / ".local" / "state";
  return base / name;
}

// The teacher's folder keeps the name the server has always used (its database is there);
// the game's differs so the two never share one.
Result<fs::path, FolderError> windows_folder(Program program, FolderKind kind,
                                             const FolderEnvironment& env) {
  const std::string name = program == Program::Game ? "Upstander Game" : "Upstander";
  const std::string& base = kind == FolderKind::Config ? env.appdata : env.localappdata;
  if (!absolute_on(FolderPlatform::Windows, base)) return fail(FolderError::NoAppData);
  const std::string dir = base + "\\" + name;
  return fs::path(kind == FolderKind::State ? dir + "\\State" : dir);
}

}  // namespace

FolderEnvironment folder_environment() {
  FolderEnvironment e;
  e.home = env_var("HOME");
  e.xdg_config_home = env_var("XDG_CONFIG_HOME");
  e.xdg_data_home = env_var("XDG_DATA_HOME");
  e.xdg_state_home = env_var("XDG_STATE_HOME");
  e.appdata = env_var("APPDATA");
  e.localappdata = env_var("LOCALAPPDATA");
  return e;
}

Result<fs::path, FolderError> user_folder(Program program, FolderKind kind, FolderPlatform platform,
                                          const FolderEnvironment& env) {
  switch (platform) {
    case FolderPlatform::Browser:
      return fs::path(program == Program::Game ? kBrowserGameFolder : kBrowserTeacherFolder);
    case FolderPlatform::Windows: return windows_folder(program, kind, env);
    case FolderPlatform::Posix: break;
  }
  return posix_folder(program, kind, env);
}

Result<fs::path, FolderError> user_folder(Program program, FolderKind kind) {
#if defined(__EMSCRIPTEN__)
  constexpr FolderPlatform platform = FolderPlatform::Browser;
#elif defined(_WIN32)
  constexpr FolderPlatform platform = FolderPlatform::Windows;
#else
  constexpr FolderPlatform platform = FolderPlatform::Posix;
#endif
  return user_folder(program, kind, platform, folder_environment());
}

std::string folder_error_text(FolderError error, FolderKind kind) {
  const char* what = kind == FolderKind::Config ? "settings"
                     : kind == FolderKind::Data ? "data"
                                                : "state";
  const char* xdg = kind == FolderKind::Config ? "XDG_CONFIG_HOME"
                    : kind == FolderKind::Data ? "XDG_DATA_HOME"
                                               : "XDG_STATE_HOME";
  if (error == FolderError::NoAppData)
    return std::string("cannot find the ") + what +
           " folder: %APPDATA% and %LOCALAPPDATA% must be set (or give the folder as an option)";
  return std::string("cannot find the ") + what + " folder: set HOME (or " + xdg +
         ") to an absolute path, or give the folder as an option";
}

fs::path adopt_old_folder(const fs::path& old_place, const fs::path& new_place) {
  std::error_code ec;
  if (fs::exists(new_place, ec) || !fs::exists(old_place, ec)) return new_place;
  fs::create_directories(new_place.parent_path(), ec);
  fs::rename(old_place, new_place, ec);
  if (!ec) return new_place;
  // Another disk: copy, and remove the old copy only once the new one is whole.
  fs::copy(old_place, new_place, fs::copy_options::recursive, ec);
  if (ec) {
    fs::remove_all(new_place, ec);
    return old_place;
  }
  fs::remove_all(old_place, ec);
  return new_place;
}

}  // namespace upstander
