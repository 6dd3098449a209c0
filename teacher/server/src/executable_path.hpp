// Where this program's own file is, to find what ships beside it (the web bundle).
#pragma once

#include <filesystem>

namespace upstander::server {

// The running executable's full path, or empty if the system will not say.
std::filesystem::path executable_path();

}  // namespace upstander::server
