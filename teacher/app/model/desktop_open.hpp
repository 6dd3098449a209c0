// Opening a saved export the way a file manager would: the folder in the file manager,
// the report in the browser. The dashboard model takes this as a function so tests and
// platforms without a desktop can give their own.
#pragma once

#include <functional>
#include <string>

namespace upstander::dashboard {

using OpenPath = std::function<bool(const std::string& path)>;

// Where an export went when it is not a file in the export folder (the browser: a download,
// or the printable report in a new tab). `notice` is the locale key told to the teacher,
// with {path} = `where`.
struct SavedExport {
  bool ok = false;
  std::string where;
  std::string notice;
};
using SaveExport =
    std::function<SavedExport(const std::string& file_name, const std::string& body)>;

// Hands `path` to the desktop's opener (`xdg-open` on Linux) without waiting for it and
// without a shell (the path is one argument, whatever it holds). False when the opener
// cannot be started or exits with a failure within a short wait.
bool open_with_desktop(const std::string& path);

}  // namespace upstander::dashboard
