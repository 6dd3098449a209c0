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

Result<ServedContent, std::string> decode_content(const nlohmann::json& content) {
  if (!content.is_object() || !content.contains("hash") || !content["hash"].is_string() ||
      !content.contains("files") || !content["files"].is_array()) {
    return fail("the server sent no content");
  }
  ServedContent out;
  out.hash = content["hash"].get<std::string>();
  for (const auto& f : content["files"]) {
    if (!f.is_object()) return fail("a content entry is not an object");
    ServedFile s;
    for (auto [key, field] : {std::pair{"name", &s.name},
                              {"type", &s.type},
                              {"sha256", &s.sha256},
                              {"text", &s.text}}) {
      auto it = f.find(key);
      if (it == f.end() || !it->is_string())
        return fail(std::string("a content file lacks \"") + key + "\"");
      *field = it->get<std::string>();
    }
    out.files.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<ContentFile>, std::string> load_verified(const std::vector<ServedFile>& files,
                                                            const std::string& hash) {
  if (files.empty()) return fail("the session has no content");
  for (const auto& f : files) {
    if (sha256_hex(f.text) != f.sha256)
      return fail("the file " + f.name + " does not match its hash");
  }
  if (content_hash(files) != hash)
    return fail("the content does not match the session's content hash");
  std::vector<ContentFile> loaded;
  for (const auto& f : files) {
    Diagnostics diags;
    ContentFile c = load_content_text(f.name, f.text, diags);
    const bool right_type =
        (f.type == "scenario" && c.scenario()) || (f.type == "survey" && c.survey());
    if (!c.ok() || !right_type) return fail("the file " + f.name + " does not load");
    loaded.push_back(std::move(c));
  }
  return loaded;
}

}  // namespace upstander::protocol
