// The shipped-data lookup: next to the program, then the install prefix, then the source tree.
#include "upstander/shipped_data.hpp"

namespace upstander {

namespace fs = std::filesystem;

namespace {

// Relative to share/upstander in an install; inside the source tree for a developer.
const char* installed_name(ShippedData what) {
  switch (what) {
    case ShippedData::Content: return "content";
    case ShippedData::Assets: return "assets";
    case ShippedData::Web: return "web";
  }
  return "";
}

fs::path source_tree_path(ShippedData what) {
  if (what == ShippedData::Web) return fs::path(UPSTANDER_WEB_BUNDLE_DIR);
  return fs::path(UPSTANDER_SOURCE_TREE) / installed_name(what);
}

// A folder that a program relies on is recognised by a file it always holds, so an empty
// or half-copied folder does not stop the search.
bool usable(const fs::path& dir, ShippedData what) {
  std::error_code ec;
  switch (what) {
    case ShippedData::Content: return fs::is_directory(dir / "locale", ec);
    case ShippedData::Assets: return fs::is_directory(dir / "fonts", ec);
    case ShippedData::Web: return fs::is_regular_file(dir / "index.html", ec);
  }
  return false;
}

}  // namespace

std::vector<fs::path> shipped_candidates(ShippedData what) {
  std::vector<fs::path> out;
  const fs::path exe = executable_path();
  if (!exe.empty()) {
    // A folder unpacked anywhere with the data beside the program (the Windows zip).
    out.push_back(exe.parent_path() / installed_name(what));
    out.push_back((exe.parent_path().parent_path() / "share" / "upstander" / installed_name(what))
                      .lexically_normal());
  }
  out.push_back(fs::path(UPSTANDER_INSTALL_DATADIR) / installed_name(what));
  out.push_back(source_tree_path(what));
  return out;
}

fs::path find_shipped(ShippedData what) {
  for (const fs::path& p : shipped_candidates(what)) {
    if (usable(p, what)) return p;
  }
  return {};
}

}  // namespace upstander
