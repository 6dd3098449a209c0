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
#include "upstander/result.hpp"

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
// The content object as it was read, before anything is checked.
struct ServedContent {
  std::string hash;
  std::vector<ServedFile> files;
};
// Reads the content object, or says what is missing. Checks the shape only:
// load_verified() checks the hashes.
Result<ServedContent, std::string> decode_content(const nlohmann::json& content);
// Verifies hashes and loads every file, or says the first thing that does not match. Every
// failure means the same to a caller (the content cannot be played), so the error is only
// the sentence for logs.
Result<std::vector<ContentFile>, std::string> load_verified(const std::vector<ServedFile>& files,
                                                            const std::string& hash);

}  // namespace upstander::protocol
