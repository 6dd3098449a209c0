// The class summary the teacher sees and exports: stages and funnel, per scenario the
// choice distribution at each decision point, endings and reflection answers, and the
// pre/post survey means and shift. Every count goes through small-cell suppression here;
// nothing else in the server turns aggregates into numbers for a teacher.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <tuple>

#include <nlohmann/json.hpp>

#include "answer_kind.hpp"
#include "session_content.hpp"
#include "sqlite_db.hpp"
#include "upstander/discussion_guide.hpp"

namespace upstander::server {

// Counts by (kind, scenario, point, answer), as in agg_counts.
class AggregateTable {
 public:
  DbStatus load(Database& db, std::int64_t session_id);
  void set(AnswerKind kind, const std::string& scenario, const std::string& point,
           const std::string& answer, std::int64_t count);
  std::int64_t get(AnswerKind kind, const std::string& scenario, const std::string& point,
                   const std::string& answer) const;

 private:
  std::map<std::tuple<int, std::string, std::string, std::string>, std::int64_t> counts_;
};

struct SummaryInput {
  const SessionContent* content = nullptr;
  std::string language;
  int k = 5;
  const DiscussionGuide* guide = nullptr;  // the session language's, for decision titles
};

// The live view: how many students are at each stage (never who), and per scenario how
// many are playing or finished.
nlohmann::ordered_json build_progress(const SummaryInput& in, const AggregateTable& agg);
// Everything: progress plus decisions, endings, reflections and the survey.
nlohmann::ordered_json build_summary(const SummaryInput& in, const AggregateTable& agg);

}  // namespace upstander::server
