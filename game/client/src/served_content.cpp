// Verifying and loading served content.
#include "served_content.hpp"

#include <nlohmann/json.hpp>

namespace upstander::client {

std::string content_hash_of(const std::vector<ServedFile>& files) {
  std::string manifest;
  for (const auto& f : files) manifest += f.name + "\n" + f.sha256 + "\n";
  return sha256_hex(manifest);
}

bool read_served_content(const nlohmann::json& content, std::vector<ServedFile>& files, std::string& hash,
                         std::string& error) {
  if (!content.is_object() || !content.contains("hash") || !content["hash"].is_string() || !content.contains("files") ||
      !content["files"].is_array()) {
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
    for (auto [key, out] : {std::pair{"name", &s.name}, {"type", &s.type}, {"sha256", &s.sha256}, {"text", &s.text}}) {
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

bool load_verified(const std::vector<ServedFile>& files, const std::string& hash, std::vector<ContentFile>& loaded,
                   std::string& error) {
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
  if (content_hash_of(files) != hash) {
    error = "the content does not match the session's content hash";
    return false;
  }
  loaded.clear();
  for (const auto& f : files) {
    Diagnostics diags;
    ContentFile c = load_content_text(f.name, f.text, diags);
    const bool right_type = (f.type == "scenario" && c.scenario()) || (f.type == "survey" && c.survey());
    if (!c.ok() || !right_type) {
      error = "the file " + f.name + " does not load";
      return false;
    }
    loaded.push_back(std::move(c));
  }
  return true;
}

}  // namespace upstander::client
