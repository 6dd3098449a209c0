// Data folder, private files and teacher token on Linux (modes 0700/0600, statfs).
#include "data_folder.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "secure_random.hpp"
#include "upstander/server/server_options.hpp"

namespace upstander::server {

namespace fs = std::filesystem;

namespace {

bool on_network_share(const std::string& dir, std::string& which) {
  struct statfs info {};
  if (statfs(dir.c_str(), &info) != 0) return false;
  // Magic numbers from statfs(2).
  switch (static_cast<unsigned long>(info.f_type)) {
    case 0x6969: which = "NFS"; return true;
    case 0x517B: which = "SMB"; return true;
    case 0xFF534D42: which = "CIFS"; return true;
    case 0xFE534D42: which = "SMB2"; return true;
    default: return false;
  }
}

}  // namespace

StorageResult<void> prepare_data_folder(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir, ec)) {
    return fail(StorageFailure{StorageError::CannotCreate,
                               "cannot create the data folder " + dir + ": " + ec.message()});
  }
  if (::chmod(dir.c_str(), 0700) != 0) {
    return fail(StorageFailure{StorageError::NotPrivate, "cannot make the data folder " + dir +
                                                             " private: " + std::strerror(errno)});
  }
  std::string which;
  if (on_network_share(dir, which)) {
    return fail(StorageFailure{
        StorageError::NetworkShare,
        "the data folder " + dir + " is on a network share (" + which +
            "); student data must stay on this computer: choose a local folder with --data"});
  }
  return {};
}

void create_private_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) ::close(fd);
  ::chmod(path.c_str(), 0600);
}

void make_file_private(const std::string& path) {
  ::chmod(path.c_str(), 0600);
}

StorageResult<void> replace_private_file(const std::string& path, const std::string& contents) {
  const std::string tmp = path + ".new";
  const int fd = ::open(tmp.c_str(), O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) {
    return fail(StorageFailure{StorageError::CannotWrite,
                               "cannot write " + tmp + ": " + std::strerror(errno)});
  }
  const bool written =
      ::write(fd, contents.data(), contents.size()) == static_cast<ssize_t>(contents.size()) &&
      ::fsync(fd) == 0;
  ::close(fd);
  if (!written || ::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(tmp.c_str());
    return fail(StorageFailure{StorageError::CannotWrite, "cannot write " + path + ": " + reason});
  }
  return {};
}

StorageResult<std::string> load_or_create_teacher_token(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) {
    struct stat st {};
    if (::fstat(fd, &st) == 0 && (st.st_mode & 077) != 0) ::fchmod(fd, 0600);
    char buf[128];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    ::close(fd);
    std::string t(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r' || t.back() == ' ')) t.pop_back();
    if (t.size() < 32) {
      return fail(StorageFailure{
          StorageError::Damaged,
          "the teacher token file " + path + " is damaged; delete it to make a new token"});
    }
    return t;
  }
  if (errno != ENOENT) {
    return fail(StorageFailure{StorageError::CannotRead, "cannot read the teacher token " + path +
                                                             ": " + std::strerror(errno)});
  }
  auto fresh = random_hex(32);  // 256 bits
  if (!fresh) {
    return fail(StorageFailure{StorageError::NoRandomness,
                               "the system gave no random bytes for the teacher token"});
  }
  const std::string token = std::move(*fresh);
  fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    return fail(StorageFailure{StorageError::CannotCreate, "cannot create the teacher token " +
                                                               path + ": " + std::strerror(errno)});
  }
  const std::string line = token + "\n";
  const bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
                  ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) {
    return fail(
        StorageFailure{StorageError::CannotWrite, "cannot write the teacher token " + path});
  }
  return token;
}

}  // namespace upstander::server
