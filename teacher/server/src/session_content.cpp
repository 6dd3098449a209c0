// Loading a session's files with the engine and preparing what join returns.
#include "session_content.hpp"

#include <nlohmann/json.hpp>

#include "sha256.hpp"

namespace upstander::server {

std::string content_hash(const std::vector<ContentBlob>& blobs) {
  std::string manifest;
  for (const auto& b : blobs) manifest += b.name + "\n" + b.sha256 + "\n";
  return sha256_hex(manifest);
}

std::shared_ptr<const SessionContent> SessionContent::load(std::vector<ContentBlob> blobs, std::string& error) {
  auto c = std::make_shared<SessionContent>();
  nlohmann::json files = nlohmann::json::array();
  for (auto& b : blobs) {
    if (b.sha256.empty()) b.sha256 = sha256_hex(b.bytes);
    Diagnostics diags;
    ContentFile f = load_content_text(b.name, b.bytes, diags);
    const bool right_kind = (b.kind == "scenario" && f.scenario()) || (b.kind == "survey" && f.survey());
    if (!f.ok() || !right_kind) {
      error = "the stored content file " + b.name + " no longer loads";
      return nullptr;
    }
    c->files_.push_back(std::move(f));
    files.push_back({{"name", b.name}, {"type", b.kind}, {"sha256", b.sha256}, {"text", b.bytes}});
  }
  c->blobs_ = std::move(blobs);
  c->hash_ = content_hash(c->blobs_);
  c->wire_ = nlohmann::json{{"hash", c->hash_}, {"files", std::move(files)}}.dump();
  return c;
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
