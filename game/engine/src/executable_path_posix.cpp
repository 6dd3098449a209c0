// The running executable from /proc/self/exe (Linux).
#include "upstander/shipped_data.hpp"

namespace upstander {

std::filesystem::path executable_path() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe;
}

}  // namespace upstander
