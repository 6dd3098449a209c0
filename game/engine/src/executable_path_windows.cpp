// The running executable from GetModuleFileNameW (Windows).
#include <windows.h>

#include <string>

#include "upstander/shipped_data.hpp"

namespace upstander {

std::filesystem::path executable_path() {
  std::wstring buf(MAX_PATH, L'\0');
  while (true) {
    const DWORD n = GetModuleFileNameW(nullptr, buf.data(), static_cast<DWORD>(buf.size()));
    if (n == 0) return {};
    if (n < buf.size()) return std::filesystem::path(buf.substr(0, n));
    buf.resize(buf.size() * 2);  // truncated: a longer path than MAX_PATH
  }
}

}  // namespace upstander
