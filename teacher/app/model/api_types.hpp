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
  std::string id;    // choice, option, ending, stage or progress id
  std::string text;  // choice/option text, ending title (session language)
  std::string
      outcome;  // endings: upstander, mixed, harm; supported, partly_supported, not_yet_supported
  bool harmful = false;  // decisions: never announced as the class's norm
};

struct Row {
  Cell total;
  std::vector<Cell> cells;
  std::string most = {};  // the id most of the class chose, said in words where counts are hidden
};

struct SessionInfo {
  std::string id;
  std::string name;   // the teacher's name for the class; "" when none
  std::string code;   // "" once ended
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
  std::string
      title;  // the server's name for it (upstander/decision_title.hpp); "" from an older server
};

struct MeanValue {
  Cell n;
  std::optional<double> mean;
};

struct Reflection {
  std::string node;
  std::string question;
  bool scale = false;
  Row row;                      // options
  MeanValue value;              // scale
  std::optional<Cell> skipped;  // moved on without answering; absent from an older server
};

struct ScenarioResults {
  std::string id;
  std::string title;
  Row progress;  // playing, finished
  std::vector<Decision> decisions;
  Row endings;                   // never includes the skip route's runs
  std::optional<Cell> skipped;   // runs that ended on the skip route, shown apart
  bool player_targeted = false;  // endings are supported / partly / not yet supported
  std::vector<Reflection> reflections;
};

// A survey statement or vignette: its two forms (half the class saw each before play), and
// before/after means both as answered (`*_raw`: agreement, or "this is OK") and keyed so
// that higher is better (`pre.mean`, `post.mean`, `shift`).
struct SurveyResult {
  std::string id;
  std::string goal;  // statements: the learning goal; vignettes: "harmful" or "benign"
  std::string text_a;
  std::string text_b;
  bool disagree_is_good = false;  // a reversed statement or a harmful vignette
  MeanValue pre;
  MeanValue post;
  std::optional<double> pre_raw, post_raw;
  std::optional<double> shift;
};

// A learning goal's keyed mean (the mean of its items'), shown only when all of them are.
struct GoalResult {
  std::string goal;
  std::optional<double> pre, post, shift;
};

// Judgement on the vignettes: benign rated OK minus harmful rated OK (-4 to 4).
struct DiscernmentResult {
  std::optional<double> pre, post, shift;
  std::vector<SurveyResult> vignettes;
};

// The summary (or, with no decisions, the live progress) of one session.
struct Summary {
  SessionInfo session;
  int k = 5;
  Row stages;
  std::vector<Cell> funnel;
  std::vector<ScenarioResults> scenarios;
  std::vector<SurveyResult> survey;
  std::vector<GoalResult> survey_goals;
  std::optional<DiscernmentResult> discernment;
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
