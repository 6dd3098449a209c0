// Opening a web address with ShellExecuteW, which hands it to the default browser.
#include <windows.h>
// After windows.h: shellapi.h needs its types.
#include <shellapi.h>

#include "open_url.hpp"

namespace upstander::teacher {

bool open_url(const std::string& url) {
  // The address is ASCII (http://localhost:PORT/...): no conversion needed beyond widening.
  const std::wstring wide(url.begin(), url.end());
  const auto rc = reinterpret_cast<INT_PTR>(
      ShellExecuteW(nullptr, L"open", wide.c_str(), nullptr, nullptr, SW_SHOWNORMAL));
  return rc > 32;  // ShellExecute's documented success threshold
}

}  // namespace upstander::teacher
