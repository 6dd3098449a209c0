// One game per data folder (issue 15 item 7): two copies of the game on one folder shared one
// student identity, so the class counted one student too few and one student's choices
// overwrote the other's. A copy holds a lock on its folder for as long as it runs; a second
// copy finds it taken and plays in a profile of its own (profiles/2, profiles/3, ...), with
// its own settings, save and class identity, and says so. Native only: a browser keeps its
// save per site, so two tabs are one student (docs/web.md).
#pragma once

#include <filesystem>
#include <optional>

namespace upstander::app {

class DataFolderLock {
 public:
  // The lock on `dir` (created if missing), or nullopt when another process (or another
  // DataFolderLock in this one) holds it or the folder cannot be created.
  static std::optional<DataFolderLock> acquire(const std::filesystem::path& dir);
  DataFolderLock(DataFolderLock&& other) noexcept;
  DataFolderLock& operator=(DataFolderLock&& other) noexcept;
  DataFolderLock(const DataFolderLock&) = delete;
  DataFolderLock& operator=(const DataFolderLock&) = delete;
  ~DataFolderLock();  // released when the game ends, or by the system if it is killed

 private:
  explicit DataFolderLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

// The folder this copy of the game plays in, locked: `base` when it is free, else the first
// free profile under base/profiles (2 to 9). `profile` is 1 for `base` itself.
struct ClaimedFolder {
  std::filesystem::path dir;
  int profile = 1;
  DataFolderLock lock;
};
std::optional<ClaimedFolder> claim_data_folder(const std::filesystem::path& base);

}  // namespace upstander::app
