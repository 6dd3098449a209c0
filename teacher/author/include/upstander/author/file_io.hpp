// Reading and writing whole files for the authoring tools; writes are atomic (a temporary
// file next to the target, flushed to disk, then renamed over it), so a crash or a full
// disk never leaves half a scenario behind.
#pragma once

#include <string>

#include "upstander/io_error.hpp"

namespace upstander::author {

IoResult<std::string> read_whole_file(const std::string& path);
IoResult<void> write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace upstander::author
