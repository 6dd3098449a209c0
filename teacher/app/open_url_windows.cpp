// Opening a web address with ShellExecuteW, which hands it to the default browser.
#include <windows.h>
// After windows.h: shellapi.h needs its types.
#include <shellapi.h>

#include <io.h>
#include <cstdio>

#include "open_url.hpp"

namespace upstander::teacher {

bool open_url(const std::string& url) {
  // The address is ASCII (http://HOST:PORT/teacher/signin?token=HEX): widening is enough.
  const std::wstring wide(url.begin(), url.end());
  const auto rc = reinterpret_cast<INT_PTR>(
      ShellExecuteW(nullptr, L"open", wide.c_str(), nullptr, nullptr, SW_SHOWNORMAL));
  return rc > 32;  // ShellExecute's documented success threshold
}

// Every Windows session has a desktop; a console window means someone is watching.
bool on_interactive_desktop() {
  return _isatty(_fileno(stdout)) != 0;
}

}  // namespace upstander::teacher
