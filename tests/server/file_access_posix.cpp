// File privacy through POSIX modes.
#include <sys/stat.h>

#include "file_access.hpp"

namespace upstander::test {

bool private_to_owner(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return false;
  if (S_ISDIR(st.st_mode)) return (st.st_mode & 0777) == 0700;
  return (st.st_mode & 077) == 0 && (st.st_mode & 0600) == 0600;
}

void open_to_everyone(const std::string& path) {
  ::chmod(path.c_str(), 0644);
}

bool access_lists_are_emulated() {
  return false;
}

}  // namespace upstander::test
