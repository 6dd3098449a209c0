// Encoding, checking and loading served content.
#include "upstander/protocol/content_message.hpp"

#include <nlohmann/json.hpp>

#include "upstander/protocol/sha256.hpp"

namespace upstander::protocol {

std::string content_hash(const std::vector<FileDigest>& files) {
  std::string manifest;
  for (const auto& f : files) {
    manifest.append(f.name).append("\n").append(f.sha256).append("\n");
  }
  return sha256_hex(manifest);
}

std::string content_hash(const std::vector<ServedFile>& files) {
  std::vector<FileDigest> digests;
  digests.reserve(files.size());
  for (const auto& f : files) digests.push_back({f.name, f.sha256});
  return content_hash(digests);
}

std::string encode_content(const std::vector<ServedFile>& files) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& f : files) {
    list.push_back({{"name", f.name}, {"type", f.type}, {"sha256", f.sha256}, {"text", f.text}});
  }
  return nlohmann::json{{"hash", content_hash(files)}, {"files", std::move(list)}}.dump();
}

bool decode_content(const nlohmann::json& content, std::vector<ServedFile>& files,
                    std::string& hash, std::string& error) {
  if (!content.is_object() || !content.contains("hash") || !content["hash"].is_string() ||
      !content.contains("files") || !content["files"].is_array()) {
    error = "the server sent no content";
    return false;
  }
  hash = content["hash"].get<std::string>();
  files.clear();
  for (const auto& f : content["files"]) {
    if (!f.is_object()) {
      error = "a content entry is not an object";
      return false;
    }
    ServedFile s;
    for (auto [key, out] : {std::pair{"name", &s.name},
                            {"type", &s.type},
                            {"sha256", &s.sha256},
                            {"text", &s.text}}) {
      auto it = f.find(key);
      if (it == f.end() || !it->is_string()) {
        error = std::string("a content file lacks \"") + key + "\"";
        return false;
      }
      *out = it->get<std::string>();
    }
    files.push_back(std::move(s));
  }
  return true;
}

bool load_verified(const std::vector<ServedFile>& files, const std::string& hash,
                   std::vector<ContentFile>& loaded, std::string& error) {
  if (files.empty()) {
    error = "the session has no content";
    return false;
  }
  for (const auto& f : files) {
    if (sha256_hex(f.text) != f.sha256) {
      error = "the file " + f.name + " does not match its hash";
      return false;
    }
  }
  if (content_hash(files) != hash) {
    error = "the content does not match the session's content hash";
    return false;
  }
  loaded.clear();
  for (const auto& f : files) {
    Diagnostics diags;
    ContentFile c = load_content_text(f.name, f.text, diags);
    const bool right_type =
        (f.type == "scenario" && c.scenario()) || (f.type == "survey" && c.survey());
    if (!c.ok() || !right_type) {
      error = "the file " + f.name + " does not load";
      return false;
    }
    loaded.push_back(std::move(c));
  }
  return true;
}

}  // namespace upstander::protocol
