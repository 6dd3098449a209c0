// Checking the content a session serves before playing it: each file's SHA-256, the
// session's content hash over all of them (the server's formula), and a clean load with
// the engine. Content that fails any of these is never played.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "content_sha256.hpp"
#include "upstander/client/class_store.hpp"
#include "upstander/content_file.hpp"

namespace upstander::client {

// sha256 over "name\nsha256\n" for each file in order.
std::string content_hash_of(const std::vector<ServedFile>& files);

// Reads {"hash", "files": [{"name", "type", "sha256", "text"}]}; false with `error`.
bool read_served_content(const nlohmann::json& content, std::vector<ServedFile>& files, std::string& hash,
                         std::string& error);
// Verifies hashes and loads every file; false with `error` if anything does not match.
bool load_verified(const std::vector<ServedFile>& files, const std::string& hash, std::vector<ContentFile>& loaded,
                   std::string& error);

}  // namespace upstander::client
