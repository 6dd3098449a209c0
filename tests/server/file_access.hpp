// Who may open a file or folder, for the privacy tests: POSIX modes on Linux
// (file_access_posix.cpp), access lists on Windows (file_access_windows.cpp).
#pragma once

#include <string>

namespace upstander::test {

// True when only the owner (and, on Windows, the system itself) may open `path`: mode
// 0700 for a folder, owner read-write and nothing for group or others for a file.
bool private_to_owner(const std::string& path);
// Lets everyone read `path`, as a careless copy or an older version might have left it.
void open_to_everyone(const std::string& path);
// True under wine, whose files have no access lists of their own (it makes them up from
// the Unix mode bits and ignores changes), so the checks above cannot mean anything there.
bool access_lists_are_emulated();

}  // namespace upstander::test
