// Never losing work: a recovery file written atomically after changes (at most once per
// interval, and on demand), found again when the pack is next opened; and the last N
// saved versions of each pack kept as backups. Both live in the user's data folder, never
// next to the pack (which may be on a shared drive).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "upstander/user_folders.hpp"

namespace upstander::author {

using WallClock = std::function<std::chrono::system_clock::time_point()>;

struct AutosaveSettings {
  std::string data_dir;                      // "" = default_data_dir()
  std::chrono::milliseconds interval{2000};  // 0 = write the recovery on every change
  std::size_t keep_backups = 10;
  WallClock clock;  // "" = the system clock (tests pass their own)
};

// The teacher's drafts: <the teacher's data folder>/author ($XDG_DATA_HOME/upstander-teacher/
// author, upstander/user_folders.hpp), after adopt_old_drafts; an error without a home.
Result<std::string, FolderError> default_data_dir();
// Moves recovery files and backups an older version kept in the student game's data folder
// into `drafts_dir` (when it has none yet), so no unsaved work is lost.
void adopt_old_drafts(const std::string& drafts_dir);

// Unsaved work found for a pack.
struct Recovery {
  std::string file;              // the recovery file
  std::string pack;              // the pack it belongs to (absolute path)
  std::string text;              // the scenario as it was
  std::int64_t written_ms = 0;   // when it was written (ms since the epoch)
  bool newer_than_pack = false;  // written after the pack file last changed (or the pack is gone)
};

class Autosaver {
 public:
  Autosaver(const std::string& pack_path, AutosaveSettings settings);

  // After every change: writes the recovery now if the interval has passed, else later
  // (tick() or flush()). Returns false when a write failed.
  bool changed(const std::string& text);
  bool tick();
  bool flush();
  bool pending() const { return pending_.has_value(); }
  // How many recovery files were written so far (a caller copying them elsewhere counts).
  std::uint64_t writes() const { return writes_; }
  // The pack was saved: the recovery is no longer needed.
  void saved();
  // The author closed without saving and said to throw the changes away.
  void discard();
  // Keeps `previous` (the pack's bytes before a save) as the newest backup and removes
  // all but the last keep_backups.
  bool backup(const std::string& previous);

  const std::string& recovery_file() const { return recovery_file_; }
  const std::string& backup_folder() const { return backup_folder_; }
  std::int64_t now_ms() const;

  static std::optional<Recovery> find(const std::string& pack_path,
                                      const AutosaveSettings& settings);

 private:
  bool write(const std::string& text);

  AutosaveSettings settings_;
  std::string pack_;
  std::string recovery_file_;
  std::string backup_folder_;
  std::optional<std::string> pending_;
  std::int64_t last_write_ms_ = 0;
  bool written_ = false;
  std::uint64_t writes_ = 0;
};

}  // namespace upstander::author
