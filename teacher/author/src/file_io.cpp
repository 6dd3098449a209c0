// Whole-file reads and atomic writes (POSIX: fsync the file, rename, fsync the folder).
#include "upstander/author/file_io.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace upstander::author {

namespace fs = std::filesystem;

namespace {

bool write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// Without this the rename itself may be lost in a power cut, leaving the old file.
void sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

IoResult<std::string> read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return fail(
        IoFailure{IoError::CannotOpen, "cannot open " + path + ": " + std::strerror(errno)});
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return fail(IoFailure{IoError::CannotRead, "cannot read " + path});
  return ss.str();
}

IoResult<void> write_file_atomically(const std::string& path, const std::string& bytes) {
  const fs::path target(path);
  const fs::path tmp = target.parent_path() /
                       ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    return fail(IoFailure{IoError::CannotWrite,
                          "cannot write " + tmp.string() + ": " + std::strerror(errno)});
  const bool written = write_all(fd, bytes) && ::fsync(fd) == 0;
  const int saved_errno = errno;
  ::close(fd);
  std::error_code ec;
  if (!written) {
    fs::remove(tmp, ec);
    return fail(IoFailure{IoError::CannotWrite,
                          "cannot write " + tmp.string() + ": " + std::strerror(saved_errno)});
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    const std::string reason = ec.message();
    fs::remove(tmp, ec);
    return fail(IoFailure{IoError::CannotReplace, "cannot replace " + path + ": " + reason});
  }
  sync_folder(target.parent_path());
  return {};
}

}  // namespace upstander::author
