// The content one session serves: its scenario files (and the survey), loaded with the
// engine for validating events, with the content hash students verify. Immutable once
// made, and shared by every session with the same files.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storage_error.hpp"
#include "upstander/content_file.hpp"

namespace upstander::server {

struct ContentBlob {
  std::string name;  // "feature-tour.json", "survey.json"
  std::string kind;  // "scenario" or "survey"
  std::string bytes;
  std::string sha256;  // hex of bytes
};

// The protocol's content hash (protocol::content_hash) of these files.
std::string content_hash(const std::vector<ContentBlob>& blobs);

class SessionContent {
 public:
  // Damaged if any file fails to load without errors: content is checked before it is
  // ever stored, so this only happens with a damaged database.
  static StorageResult<std::shared_ptr<const SessionContent>> load(std::vector<ContentBlob> blobs);

  const std::string& hash() const { return hash_; }
  const std::vector<ContentBlob>& blobs() const { return blobs_; }
  std::vector<const Scenario*> scenarios() const;
  const Scenario* scenario(std::string_view id) const;
  const Survey* survey() const;
  // protocol::encode_content() of the files, serialized once.
  const std::string& wire_json() const { return wire_; }

 private:
  std::vector<ContentBlob> blobs_;
  std::vector<ContentFile> files_;
  std::string hash_;
  std::string wire_;
};

}  // namespace upstander::server
