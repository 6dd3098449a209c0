// The classroom server's answers (docs/api.md) as typed structs. A suppressed count is
// absent here, not zero: the dashboard never holds a number the server did not publish.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace upstander::dashboard {

enum class Shown { Count, FewerThanK, Hidden };

// One published count: `count` is set only when `shown` is Count.
struct Cell {
  std::optional<std::int64_t> count;
  Shown shown = Shown::Hidden;
  std::string id;       // choice, option, ending, stage or progress id
  std::string text;     // choice/option text, ending title (session language)
  std::string outcome;  // endings: upstander, mixed, harm
  bool harmful = false;  // decisions: never announced as the class's norm
};

struct Row {
  Cell total;
  std::vector<Cell> cells;
  std::string most = {};  // the id most of the class chose, said in words where counts are hidden
};

struct SessionInfo {
  std::string id;
  std::string code;  // "" once ended
  std::string state;  // open, locked, ended
  std::string language;
  int k = 5;
  bool collect = true;
  int max_players = 0;
  int players = 0;
  std::vector<std::string> scenarios;
  bool survey = false;
  std::int64_t created_at = 0;
  std::int64_t ended_at = 0;  // 0 while running
  std::string raw_data;       // kept, purged
  std::int64_t purge_at = 0;

  bool ended() const { return state == "ended"; }
  bool locked() const { return state == "locked"; }
};

struct Decision {
  std::string node;
  std::string scene;
  Row row;
};

struct MeanValue {
  Cell n;
  std::optional<double> mean;
};

struct Reflection {
  std::string node;
  std::string question;
  bool scale = false;
  Row row;          // options
  MeanValue value;  // scale
};

struct ScenarioResults {
  std::string id;
  std::string title;
  Row progress;  // playing, finished
  std::vector<Decision> decisions;
  Row endings;
  std::vector<Reflection> reflections;
};

struct SurveyResult {
  std::string id;
  std::string text_pre;
  std::string text_post;
  MeanValue pre;
  MeanValue post;
  std::optional<double> shift;
};

// The summary (or, with no decisions, the live progress) of one session.
struct Summary {
  SessionInfo session;
  int k = 5;
  Row stages;
  std::vector<Cell> funnel;
  std::vector<ScenarioResults> scenarios;
  std::vector<SurveyResult> survey;
};

struct Review {
  std::string status = "draft";  // draft, reviewed
  std::string by;
  std::string date;
};

struct CatalogScenario {
  std::string id;
  std::string source;  // builtin, school
  bool replaces_builtin = false;
  std::vector<std::string> locales;
  std::map<std::string, std::string> title;    // by locale
  std::map<std::string, std::string> summary;  // by locale
  int minutes = 0;
  Review review;
  int warnings = 0;

  bool draft() const { return review.status != "reviewed"; }
  // The title in `language`, else the first there is.
  const std::string& title_in(const std::string& language) const;
};

struct Catalog {
  std::vector<CatalogScenario> scenarios;
  bool survey_available = false;
  int survey_items = 0;
};

struct ServerSettings {
  int retention_days = 7;
  int default_k = 5;
  int default_max_players = 60;
  int retention_max = 30;
  int k_min = 3;
  int k_max = 100;
};

// Each returns nullopt when the JSON is not the documented shape.
std::optional<SessionInfo> parse_session(const nlohmann::json& j);
std::optional<Summary> parse_summary(const nlohmann::json& j);
std::optional<Catalog> parse_catalog(const nlohmann::json& j);
std::optional<ServerSettings> parse_settings(const nlohmann::json& j);

}  // namespace upstander::dashboard
