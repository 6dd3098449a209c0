// The data folder lock: flock(2) on a file in the folder. The system drops it when the
// process ends in any way, so a crashed game never leaves its folder locked.
#include "data_folder_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <string>
#include <system_error>

namespace upstander::app {

namespace {
constexpr const char* kLockFile = ".lock";
constexpr int kLastProfile = 9;
}  // namespace

std::optional<DataFolderLock> DataFolderLock::acquire(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  const int fd = ::open((dir / kLockFile).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return std::nullopt;
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  return DataFolderLock(fd);
}

DataFolderLock::DataFolderLock(DataFolderLock&& other) noexcept : fd_(other.fd_) {
  other.fd_ = -1;
}

DataFolderLock& DataFolderLock::operator=(DataFolderLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

DataFolderLock::~DataFolderLock() {
  if (fd_ >= 0) ::close(fd_);
}

std::optional<ClaimedFolder> claim_data_folder(const std::filesystem::path& base) {
  for (int profile = 1; profile <= kLastProfile; ++profile) {
    const std::filesystem::path dir =
        profile == 1 ? base : base / "profiles" / std::to_string(profile);
    if (auto lock = DataFolderLock::acquire(dir))
      return ClaimedFolder{dir, profile, std::move(*lock)};
  }
  return std::nullopt;
}

}  // namespace upstander::app
