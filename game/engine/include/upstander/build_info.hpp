// What every program prints for --version: the project version, the git commit it was
// built from, and where it takes its content from.
#pragma once

#include <string>

namespace upstander {

std::string project_version();  // "0.1.0"
std::string git_commit();  // 12 hex digits (with "-dirty" for uncommitted changes), or "unknown"

// "upstander-teacher 0.1.0 (commit 0123456789ab)", then the content, assets and web game
// folders in use (or "not found"), one per line: where the program takes its data from.
std::string version_text(const std::string& program);

}  // namespace upstander
