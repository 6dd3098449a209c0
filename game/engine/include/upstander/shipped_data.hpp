// Where the programs find the data they ship with (content, fonts, the web game), so an
// installed copy, a moved one and a developer's build all work without options.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace upstander {

enum class ShippedData { Content, Assets, Web };

// This program's own file, empty when the system does not say (then only the install
// prefix and the source tree are tried). One file per platform: executable_path_*.cpp.
std::filesystem::path executable_path();

// Each place looked at, in order: <program folder>/<name> (a zip unpacked anywhere: the
// Windows package), <program>/../share/upstander/<name> (a package, or an install moved
// anywhere), <install prefix>/share/upstander/<name>, then the source tree
// the program was built from (a developer's build; the web game: the bundle folder given at
// configure time).
std::vector<std::filesystem::path> shipped_candidates(ShippedData what);

// The first candidate that exists; empty when none does.
std::filesystem::path find_shipped(ShippedData what);

}  // namespace upstander
