// The content a session serves, as it travels in the join and content answers:
// {"hash", "files": [{"name", "type", "sha256", "text"}]}. The content hash is sha256 over
// "name\nsha256\n" per file in order; the server makes it, the student's game checks it and
// each file's digest, and loads every file with the engine, before anything is played.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "upstander/content_file.hpp"

namespace upstander::protocol {

struct ServedFile {
  std::string name;    // "feature-tour.json", "survey.json"
  std::string type;    // "scenario" or "survey"
  std::string sha256;  // hex of text
  std::string text;
};

// A file's name and digest, all the content hash covers.
struct FileDigest {
  std::string_view name;
  std::string_view sha256;
};
std::string content_hash(const std::vector<FileDigest>& files);
std::string content_hash(const std::vector<ServedFile>& files);

// The content object with its hash, serialized (the server does this once per session).
std::string encode_content(const std::vector<ServedFile>& files);
// Reads the content object; false with `error`. Checks the shape only: load_verified()
// checks the hashes.
bool decode_content(const nlohmann::json& content, std::vector<ServedFile>& files,
                    std::string& hash, std::string& error);
// Verifies hashes and loads every file; false with `error` if anything does not match.
bool load_verified(const std::vector<ServedFile>& files, const std::string& hash,
                   std::vector<ContentFile>& loaded, std::string& error);

}  // namespace upstander::protocol
