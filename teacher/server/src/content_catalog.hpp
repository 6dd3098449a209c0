// The scenarios a teacher can choose from: those shipped in the content folder and the
// packs schools added (kept in the database). A pack with a shipped scenario's id
// replaces it, so a school can adapt a scenario without renaming it.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "session_content.hpp"
#include "upstander/content_library.hpp"
#include "upstander/discussion_guide.hpp"

namespace upstander::server {

struct CatalogScenario {
  std::string id;
  std::string source;  // "builtin" or "school"
  bool replaces_builtin = false;
  std::shared_ptr<const ContentFile> file;  // loaded without errors
  ContentBlob blob;                         // kind "scenario", name "<id>.json"
  std::int64_t added_at = 0;                // packs only
};

struct PackCheck {
  std::shared_ptr<const ContentFile> file;  // set when the pack has no errors
  Diagnostics diagnostics;                  // errors and warnings, for the teacher
};

class ContentCatalog {
 public:
  // Loads the shipped content; scenarios with errors are left out (and reported). The
  // teacher guide's discussion questions of each content folder given (guide/<language>/)
  // are read too: their headings are the decisions' titles in results.
  void load_builtin(const std::vector<std::string>& paths);
  // The guide in `language`; null when the content has none.
  std::shared_ptr<const DiscussionGuide> guide(const std::string& language) const;
  const Diagnostics& builtin_diagnostics() const { return builtin_diagnostics_; }

  // Checks the bytes of a pack with the engine, exactly as `upstander-content check`.
  static PackCheck check_pack(const std::string& bytes);
  void put_pack(CatalogScenario pack);
  bool remove_pack(const std::string& id);

  std::optional<CatalogScenario> find(const std::string& id) const;
  // Sorted by the scenarios' `order`, then id.
  std::vector<CatalogScenario> list() const;
  // The survey to serve (form A before play, form B after), if the content has one.
  std::optional<ContentBlob> survey() const;
  const Survey* survey_model() const;
  // A UI string of the shipped content's locale file (content/locale/<language>.json),
  // for the few pages the server writes itself; "" when there is none.
  std::string ui_string(std::string_view language, std::string_view key) const;

 private:
  mutable std::mutex mu_;
  std::shared_ptr<ContentLibrary> builtin_;
  std::map<std::string, CatalogScenario> builtin_scenarios_;
  std::map<std::string, CatalogScenario> packs_;
  std::map<std::string, std::shared_ptr<const DiscussionGuide>, std::less<>>
      guides_;  // by language
  Diagnostics builtin_diagnostics_;
};

// The listing entry for the teacher: id, titles, summary, minutes, ages, goals, review.
nlohmann::ordered_json describe(const CatalogScenario& s);
nlohmann::ordered_json diagnostics_json(const Diagnostics& d);

}  // namespace upstander::server
