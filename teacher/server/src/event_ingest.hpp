// What the writer does with a validated batch: store each new event once, and move the
// aggregate counts so they always match the committed events (latest choice per decision
// point, furthest stage, ...). Runs inside the writer's transaction.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "answer_kind.hpp"
#include "class_event.hpp"
#include "sqlite_db.hpp"

namespace upstander::server {

struct IngestResult {
  std::size_t stored = 0;
  std::size_t duplicates = 0;
};

// Count changes of one job, written as one upsert per cell at the end.
class AggregateDelta {
 public:
  void add(AnswerKind kind, const std::string& scenario, const std::string& point,
           const std::string& answer, std::int64_t by);
  DbStatus flush(Database& db, std::int64_t session_id);

 private:
  std::map<std::tuple<int, std::string, std::string, std::string>, std::int64_t> cells_;
};

// Records one answer of a player; if it replaces another under `policy`, moves the count.
DbStatus record_answer(Database& db, AggregateDelta& delta, std::int64_t player_id, AnswerKind kind,
                       const std::string& scenario, const std::string& point,
                       const std::string& answer, std::int64_t ord, ReplacePolicy policy);

DbStatus ingest_events(Database& db, std::int64_t session_id, std::int64_t player_id,
                       std::int64_t time_bucket, const std::vector<ClassEvent>& events,
                       IngestResult& result);

// A new player: the row, and the "joined" stage in the aggregates.
DbStatus insert_player(Database& db, std::int64_t session_id, const std::string& token_hash,
                       std::int64_t& player_id);

}  // namespace upstander::server
