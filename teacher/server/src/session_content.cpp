// Loading a session's files with the engine and preparing what join returns.
#include "session_content.hpp"

#include "upstander/protocol/content_message.hpp"
#include "upstander/protocol/sha256.hpp"

namespace upstander::server {

std::string content_hash(const std::vector<ContentBlob>& blobs) {
  std::vector<protocol::FileDigest> digests;
  digests.reserve(blobs.size());
  for (const auto& b : blobs) digests.push_back({b.name, b.sha256});
  return protocol::content_hash(digests);
}

StorageResult<std::shared_ptr<const SessionContent>> SessionContent::load(
    std::vector<ContentBlob> blobs) {
  auto c = std::make_shared<SessionContent>();
  std::vector<protocol::ServedFile> files;
  for (auto& b : blobs) {
    if (b.sha256.empty()) b.sha256 = protocol::sha256_hex(b.bytes);
    Diagnostics diags;
    ContentFile f = load_content_text(b.name, b.bytes, diags);
    const bool right_kind =
        (b.kind == "scenario" && f.scenario()) || (b.kind == "survey" && f.survey());
    if (!f.ok() || !right_kind) {
      return fail(StorageFailure{StorageError::Damaged,
                                 "the stored content file " + b.name + " no longer loads"});
    }
    c->files_.push_back(std::move(f));
    files.push_back({b.name, b.kind, b.sha256, b.bytes});
  }
  c->blobs_ = std::move(blobs);
  c->hash_ = protocol::content_hash(files);
  c->wire_ = protocol::encode_content(files);
  return std::shared_ptr<const SessionContent>(std::move(c));
}

std::vector<const Scenario*> SessionContent::scenarios() const {
  std::vector<const Scenario*> out;
  for (const auto& f : files_) {
    if (f.scenario()) out.push_back(f.scenario());
  }
  return out;
}

const Scenario* SessionContent::scenario(std::string_view id) const {
  for (const auto& f : files_) {
    if (f.scenario() && f.scenario()->id == id) return f.scenario();
  }
  return nullptr;
}

const Survey* SessionContent::survey() const {
  for (const auto& f : files_) {
    if (f.survey()) return f.survey();
  }
  return nullptr;
}

}  // namespace upstander::server
