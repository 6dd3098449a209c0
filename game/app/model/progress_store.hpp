// The only files the game writes: settings.json and progress.json in the student's data
// folder (per machine, no account). Writes are atomic so a closed laptop lid mid-write
// leaves the previous file intact.
#pragma once

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "upstander/user_folders.hpp"

namespace upstander::app {

// `override_dir` (--data-dir), else $UPSTANDER_DATA_DIR, else the game's data folder by the
// one policy (upstander/user_folders.hpp): $XDG_DATA_HOME/upstander or
// ~/.local/share/upstander; an error, never a temporary folder, without a home.
Result<std::filesystem::path, FolderError> default_data_dir(const std::string& override_dir = "");

class ProgressStore {
 public:
  // `persist` runs after every successful write or removal: nothing natively (files are
  // already durable); in the browser it copies the folder to IndexedDB (web/browser_storage).
  explicit ProgressStore(std::filesystem::path dir, std::function<void()> persist = {})
      : dir_(std::move(dir)), persist_(std::move(persist)) {}

  const std::filesystem::path& dir() const { return dir_; }

  // nullopt when the file is missing or unreadable JSON (a broken save starts fresh).
  std::optional<nlohmann::json> load(const std::string& name) const;
  // false when the folder cannot be created or the file cannot be written; the game
  // keeps running, it only cannot resume later.
  bool store(const std::string& name, const nlohmann::json& j) const;
  void remove(const std::string& name) const;

 private:
  std::filesystem::path dir_;
  std::function<void()> persist_;
};

inline constexpr const char* kSettingsFile = "settings.json";
inline constexpr const char* kProgressFile = "progress.json";

}  // namespace upstander::app
