// Shipped scenarios plus school packs.
#include "content_catalog.hpp"

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "sha256.hpp"
#include "upstander/diagnostic_codes.hpp"
#include "upstander/vocabulary.hpp"

namespace upstander::server {

namespace {

nlohmann::ordered_json texts(const LocalizedText& t) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [locale, text] : t.entries()) j[locale] = text;
  return j;
}

// A shared_ptr that keeps the whole library alive while pointing at one of its files.
std::shared_ptr<const ContentFile> alias(const std::shared_ptr<ContentLibrary>& lib,
                                         const ContentFile& f) {
  return std::shared_ptr<const ContentFile>(lib, &f);
}

}  // namespace

// guide/<language>/discussion-questions.md in each content folder; a later folder's guide
// of the same language wins, as its scenarios would.
std::map<std::string, std::shared_ptr<const DiscussionGuide>, std::less<>> load_guides(
    const std::vector<std::string>& paths) {
  std::map<std::string, std::shared_ptr<const DiscussionGuide>, std::less<>> out;
  for (const auto& path : paths) {
    std::error_code ec;
    const std::filesystem::path root = std::filesystem::path(path) / "guide";
    if (!std::filesystem::is_directory(root, ec)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(root, ec)) {
      const std::string language = entry.path().filename().string();
      auto g = std::make_shared<DiscussionGuide>(DiscussionGuide::load(guide_path(path, language)));
      if (g->size() > 0) out[language] = std::move(g);
    }
  }
  return out;
}

void ContentCatalog::load_builtin(const std::vector<std::string>& paths) {
  auto guides = load_guides(paths);
  auto lib = std::make_shared<ContentLibrary>(ContentLibrary::load(paths));
  std::map<std::string, CatalogScenario> scenarios;
  for (const auto& f : lib->files()) {
    if (!f.ok() || f.scenario() == nullptr) continue;
    CatalogScenario s;
    s.id = f.scenario()->id;
    s.source = "builtin";
    s.file = alias(lib, f);
    s.blob = {s.id + ".json", "scenario", f.source->bytes(), sha256_hex(f.source->bytes())};
    scenarios.emplace(s.id, std::move(s));
  }
  std::lock_guard lock(mu_);
  builtin_diagnostics_ = lib->diagnostics();
  builtin_ = std::move(lib);
  builtin_scenarios_ = std::move(scenarios);
  guides_ = std::move(guides);
  for (auto& [id, pack] : packs_) pack.replaces_builtin = builtin_scenarios_.count(id) > 0;
}

std::shared_ptr<const DiscussionGuide> ContentCatalog::guide(const std::string& language) const {
  std::lock_guard lock(mu_);
  const auto it = guides_.find(language);
  return it == guides_.end() ? nullptr : it->second;
}

PackCheck ContentCatalog::check_pack(const std::string& bytes) {
  // One check at a time: the request body is already bounded (max_pack_bytes), the kept
  // diagnostics are too (DiagnosticLimits), so what one check may hold is bounded; several
  // teachers' uploads at once must not multiply it.
  static std::mutex one_at_a_time;
  std::lock_guard lock(one_at_a_time);
  PackCheck out;
  ContentFile f = load_content_text("pack.json", bytes, out.diagnostics);
  if (f.ok() && f.scenario() != nullptr)
    out.file = std::make_shared<const ContentFile>(std::move(f));
  return out;
}

void ContentCatalog::put_pack(CatalogScenario pack) {
  std::lock_guard lock(mu_);
  pack.source = "school";
  pack.replaces_builtin = builtin_scenarios_.count(pack.id) > 0;
  packs_[pack.id] = std::move(pack);
}

bool ContentCatalog::remove_pack(const std::string& id) {
  std::lock_guard lock(mu_);
  return packs_.erase(id) > 0;
}

std::optional<CatalogScenario> ContentCatalog::find(const std::string& id) const {
  std::lock_guard lock(mu_);
  if (auto it = packs_.find(id); it != packs_.end()) return it->second;
  if (auto it = builtin_scenarios_.find(id); it != builtin_scenarios_.end()) return it->second;
  return std::nullopt;
}

std::vector<CatalogScenario> ContentCatalog::list() const {
  std::lock_guard lock(mu_);
  std::vector<CatalogScenario> out;
  for (const auto& [id, s] : builtin_scenarios_) {
    if (packs_.count(id) == 0) out.push_back(s);
  }
  for (const auto& [id, s] : packs_) out.push_back(s);
  // The scenarios' own order (classroom scenarios first, the tour and boosters after), then
  // by id: the order a teacher picks from.
  std::stable_sort(out.begin(), out.end(), [](const CatalogScenario& a, const CatalogScenario& b) {
    const int oa = a.file && a.file->scenario() ? a.file->scenario()->order : 100;
    const int ob = b.file && b.file->scenario() ? b.file->scenario()->order : 100;
    return oa != ob ? oa < ob : a.id < b.id;
  });
  return out;
}

std::optional<ContentBlob> ContentCatalog::survey() const {
  std::lock_guard lock(mu_);
  if (!builtin_) return std::nullopt;
  for (const auto& f : builtin_->files()) {
    if (f.ok() && f.survey())
      return ContentBlob{"survey.json", "survey", f.source->bytes(), sha256_hex(f.source->bytes())};
  }
  return std::nullopt;
}

std::string ContentCatalog::ui_string(std::string_view language, std::string_view key) const {
  std::lock_guard lock(mu_);
  const LocaleStrings* strings = builtin_ ? builtin_->locale(language) : nullptr;
  const std::string* s = strings ? strings->find(key) : nullptr;
  return s ? *s : std::string();
}

const Survey* ContentCatalog::survey_model() const {
  std::lock_guard lock(mu_);
  return builtin_ ? builtin_->survey() : nullptr;
}

nlohmann::ordered_json describe(const CatalogScenario& s) {
  const Scenario* scenario = s.file ? s.file->scenario() : nullptr;
  if (scenario == nullptr)
    return nlohmann::ordered_json::object();  // the catalog holds scenarios only
  const Scenario& sc = *scenario;
  nlohmann::ordered_json goals = nlohmann::ordered_json::array();
  for (auto g : sc.goals) goals.push_back(std::string(name_of(g)));
  nlohmann::ordered_json review = {{"status", std::string(name_of(sc.review.status))}};
  if (!sc.review.by.empty()) review["by"] = sc.review.by;
  if (!sc.review.date.empty()) review["date"] = sc.review.date;
  nlohmann::ordered_json j;
  j["id"] = sc.id;
  j["source"] = s.source;
  j["replaces_builtin"] = s.replaces_builtin;
  j["hash"] = s.blob.sha256;
  j["locales"] = sc.locales;
  j["title"] = texts(sc.title);
  j["summary"] = texts(sc.summary);
  j["content_note"] = texts(sc.content_note);
  j["minutes"] = sc.minutes;
  j["audience"] = {{"min_age", sc.min_age}, {"max_age", sc.max_age}};
  j["learning_goals"] = std::move(goals);
  j["review"] = std::move(review);
  j["warnings"] = s.file->warnings;
  return j;
}

nlohmann::ordered_json diagnostics_json(const Diagnostics& d) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& x : d.all()) {
    nlohmann::ordered_json j;
    j["severity"] = std::string(severity_name(x.severity));
    j["code"] = x.code;
    j["line"] = x.line;
    j["column"] = x.column;
    j["pointer"] = x.pointer;
    j["message"] = x.message;
    j["fix"] = x.fix;
    j["text"] = format_text(x);
    out.push_back(std::move(j));
  }
  // The problems counted but not listed, as one entry a teacher reads like the others.
  for (const auto& [file, o] : d.omitted()) {
    nlohmann::ordered_json j;
    j["severity"] = std::string(severity_name(o.errors > 0 ? Severity::Error : Severity::Warning));
    j["code"] = std::string(codes::kTooManyProblems);
    j["line"] = 0;
    j["column"] = 0;
    j["pointer"] = "";
    j["message"] = std::to_string(o.total()) + " more problems not listed";
    j["fix"] = "fix the problems listed and check again";
    j["text"] = format_omitted_text(file, o);
    j["omitted_errors"] = o.errors;
    j["omitted_warnings"] = o.warnings;
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace upstander::server
