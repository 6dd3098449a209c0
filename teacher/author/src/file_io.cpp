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

void set_error(std::string* error, const std::string& what) {
  if (error) *error = what;
}

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

std::optional<std::string> read_whole_file(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    set_error(error, "cannot open " + path + ": " + std::strerror(errno));
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    set_error(error, "cannot read " + path);
    return std::nullopt;
  }
  return ss.str();
}

bool write_file_atomically(const std::string& path, const std::string& bytes, std::string* error) {
  const fs::path target(path);
  const fs::path tmp = target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    set_error(error, "cannot write " + tmp.string() + ": " + std::strerror(errno));
    return false;
  }
  const bool written = write_all(fd, bytes) && ::fsync(fd) == 0;
  const int saved_errno = errno;
  ::close(fd);
  std::error_code ec;
  if (!written) {
    fs::remove(tmp, ec);
    set_error(error, "cannot write " + tmp.string() + ": " + std::strerror(saved_errno));
    return false;
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    set_error(error, "cannot replace " + path + ": " + ec.message());
    fs::remove(tmp, ec);
    return false;
  }
  sync_folder(target.parent_path());
  return true;
}

}  // namespace upstander::author
