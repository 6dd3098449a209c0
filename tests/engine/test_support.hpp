// Helpers shared by the engine tests: loading content from strings and paths in the repo.
#pragma once

#include <string>

#include "upstander/content_file.hpp"
#include "upstander/content_library.hpp"

namespace upstander::test {

inline std::string source_path(const std::string& relative) {
  return std::string(UPSTANDER_SOURCE_DIR) + "/" + relative;
}

// Loads a content file from the repository and returns it with its diagnostics.
struct Loaded {
  ContentFile file;
  Diagnostics diagnostics;
};
inline Loaded load_repo_file(const std::string& relative) {
  Loaded l;
  l.file = load_content_file(source_path(relative), l.diagnostics);
  return l;
}
inline Loaded load_text(const std::string& name, const std::string& json) {
  Loaded l;
  l.file = load_content_text(name, json, l.diagnostics);
  return l;
}

// All diagnostics as the CLI prints them, for failure messages.
inline std::string render(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d.all()) out += format_text(x);
  return out;
}

}  // namespace upstander::test
