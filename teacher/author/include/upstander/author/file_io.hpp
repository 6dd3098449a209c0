// Reading and writing whole files for the authoring tools; writes are atomic (a temporary
// file next to the target, flushed to disk, then renamed over it), so a crash or a full
// disk never leaves half a scenario behind.
#pragma once

#include <optional>
#include <string>

namespace upstander::author {

std::optional<std::string> read_whole_file(const std::string& path, std::string* error = nullptr);
bool write_file_atomically(const std::string& path, const std::string& bytes, std::string* error = nullptr);

}  // namespace upstander::author
