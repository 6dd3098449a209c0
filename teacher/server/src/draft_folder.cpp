// Drafts as two small JSON files per id: `<id>.json` (saved) and `<id>.autosave.json`.
#include "draft_folder.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>

#include "data_folder.hpp"
#include "strict_json.hpp"

namespace upstander::server {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kAutosaveSuffix = ".autosave.json";
constexpr std::string_view kPackSuffix = ".json";

// Each file holds the text and when it was written, so a listing needs no file times
// (which a copy or a restore from backup would change).
std::optional<nlohmann::json> read_record(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  nlohmann::json j = nlohmann::json::parse(bytes, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("text") || !j["text"].is_string())
    return std::nullopt;
  return j;
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() > suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

DraftFolder::DraftFolder(std::string dir, std::size_t max_drafts)
    : dir_(std::move(dir)), max_drafts_(max_drafts) {}

bool DraftFolder::valid_id(const std::string& id) {
  return is_content_id(id);
}

std::string DraftFolder::pack_file(const std::string& id) const {
  return dir_ + "/" + id + std::string(kPackSuffix);
}

std::string DraftFolder::autosave_file(const std::string& id) const {
  return dir_ + "/" + id + std::string(kAutosaveSuffix);
}

std::vector<DraftInfo> DraftFolder::list() const {
  std::lock_guard lock(mu_);
  std::set<std::string> ids;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir_, ec)) {
    std::string name = e.path().filename().string();
    if (ends_with(name, kAutosaveSuffix))
      name.resize(name.size() - kAutosaveSuffix.size());
    else if (ends_with(name, kPackSuffix))
      name.resize(name.size() - kPackSuffix.size());
    else
      continue;
    if (valid_id(name)) ids.insert(name);
  }
  std::vector<DraftInfo> out;
  for (const auto& id : ids) {
    DraftInfo info{id, std::nullopt, std::nullopt};
    if (auto j = read_record(pack_file(id)))
      info.saved_ms = j->value("written_ms", std::int64_t{0});
    if (auto j = read_record(autosave_file(id)))
      info.autosave_ms = j->value("written_ms", std::int64_t{0});
    if (info.saved_ms || info.autosave_ms) out.push_back(std::move(info));
  }
  return out;
}

Result<Draft, DraftError> DraftFolder::read(const std::string& id) const {
  if (!valid_id(id)) return fail(DraftError::BadId);
  std::lock_guard lock(mu_);
  Draft d;
  d.id = id;
  if (auto j = read_record(pack_file(id))) {
    d.text = (*j)["text"].get<std::string>();
    d.saved_ms = j->value("written_ms", std::int64_t{0});
  }
  if (auto j = read_record(autosave_file(id))) {
    d.autosave_text = (*j)["text"].get<std::string>();
    d.autosave_ms = j->value("written_ms", std::int64_t{0});
  }
  if (!d.text && !d.autosave_text) return fail(DraftError::NotFound);
  return d;
}

std::size_t DraftFolder::count_locked() const {
  std::set<std::string> ids;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir_, ec)) {
    const std::string name = e.path().filename().string();
    if (ends_with(name, kAutosaveSuffix))
      ids.insert(name.substr(0, name.size() - kAutosaveSuffix.size()));
    else if (ends_with(name, kPackSuffix))
      ids.insert(name.substr(0, name.size() - kPackSuffix.size()));
  }
  return ids.size();
}

DraftResult DraftFolder::write(const std::string& path, const std::string& id,
                               const std::string& text, std::int64_t now_ms) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  // A new draft counts against the limit (a full disk is the operator's, not a teacher's).
  if (!fs::exists(pack_file(id)) && !fs::exists(autosave_file(id)) && count_locked() >= max_drafts_)
    return fail(DraftError::TooMany);
  nlohmann::ordered_json j;
  j["written_ms"] = now_ms;
  j["text"] = text;
  if (!replace_private_file(path, j.dump())) return fail(DraftError::Io);
  return {};
}

DraftResult DraftFolder::save(const std::string& id, const std::string& text, std::int64_t now_ms) {
  if (!valid_id(id)) return fail(DraftError::BadId);
  std::lock_guard lock(mu_);
  if (auto written = write(pack_file(id), id, text, now_ms); !written) return written;
  std::error_code ec;
  fs::remove(autosave_file(id), ec);  // saved: nothing left to recover
  return {};
}

DraftResult DraftFolder::autosave(const std::string& id, const std::string& text,
                                  std::int64_t now_ms) {
  if (!valid_id(id)) return fail(DraftError::BadId);
  std::lock_guard lock(mu_);
  return write(autosave_file(id), id, text, now_ms);
}

DraftResult DraftFolder::remove(const std::string& id) {
  if (!valid_id(id)) return fail(DraftError::BadId);
  std::lock_guard lock(mu_);
  std::error_code ec;
  const bool a = fs::remove(pack_file(id), ec);
  const bool b = fs::remove(autosave_file(id), ec);
  if (!a && !b) return fail(DraftError::NotFound);
  return {};
}

}  // namespace upstander::server
