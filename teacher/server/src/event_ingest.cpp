// Storing events and keeping the aggregates in step, in the writer's transaction.
#include "event_ingest.hpp"

#include <string_view>

namespace upstander::server {

namespace {

// Stages and scenario progress are stored as text; their order decides "furthest".
int rank_of(std::string_view answer) {
  if (answer == "started") return 1;
  if (answer == "finished") return 2;
  int n = 0;
  for (char c : answer) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::string stage_answer(Stage s) {
  return std::to_string(static_cast<int>(s));
}

DbStatus record_stage(Database& db, AggregateDelta& delta, std::int64_t player_id, Stage s,
                      std::int64_t ord) {
  return record_answer(db, delta, player_id, AnswerKind::Stage, "", "", stage_answer(s), ord,
                       ReplacePolicy::Furthest);
}

DbStatus apply(Database& db, AggregateDelta& delta, std::int64_t player_id, const ClassEvent& e) {
  const std::int64_t ord = e.ord;
  switch (e.type) {
    case ClassEventType::ScenarioStarted: {
      DbStatus s = record_answer(db, delta, player_id, AnswerKind::Progress, e.scenario, e.scenario,
                                 "started", ord, ReplacePolicy::Furthest);
      if (!s.ok()) return s;
      return record_stage(db, delta, player_id, Stage::Playing, ord);
    }
    case ClassEventType::ChoiceMade:
      return record_answer(db, delta, player_id, AnswerKind::Choice, e.scenario, e.node, e.answer,
                           ord, ReplacePolicy::Latest);
    case ClassEventType::ReflectionAnswered:
      if (!e.answer.empty()) {
        return record_answer(db, delta, player_id, AnswerKind::Option, e.scenario, e.node, e.answer,
                             ord, ReplacePolicy::Latest);
      }
      return record_answer(db, delta, player_id, AnswerKind::Scale, e.scenario, e.node,
                           std::to_string(e.value), ord, ReplacePolicy::Latest);
    case ClassEventType::EndingReached: {
      DbStatus s = record_answer(db, delta, player_id, AnswerKind::Ending, e.scenario, "", e.node,
                                 ord, ReplacePolicy::Latest);
      if (s.ok()) {
        s = record_answer(db, delta, player_id, AnswerKind::Progress, e.scenario, e.scenario,
                          "finished", ord, ReplacePolicy::Furthest);
      }
      if (!s.ok()) return s;
      return record_stage(db, delta, player_id, Stage::Finished, ord);
    }
    case ClassEventType::SurveyAnswered: {
      const bool pre = e.survey_pre;  // the phase; e.answer keeps the form in the raw event
      DbStatus s =
          record_answer(db, delta, player_id, pre ? AnswerKind::SurveyPre : AnswerKind::SurveyPost,
                        "", e.node, std::to_string(e.value), ord, ReplacePolicy::Latest);
      if (!s.ok()) return s;
      return record_stage(db, delta, player_id, pre ? Stage::PreSurvey : Stage::PostSurvey, ord);
    }
    case ClassEventType::SceneSkipped:
      // A skipped question takes the place of an answer: answering later replaces it, and
      // skipping after answering takes the answer back.
      if (!e.skipped_question) return {};
      return record_answer(db, delta, player_id,
                           e.question_is_scale ? AnswerKind::Scale : AnswerKind::Option, e.scenario,
                           e.node, std::string(kSkippedAnswer), ord, ReplacePolicy::Latest);
    case ClassEventType::NodeEntered: return {};
  }
  return {};
}

}  // namespace

void AggregateDelta::add(AnswerKind kind, const std::string& scenario, const std::string& point,
                         const std::string& answer, std::int64_t by) {
  cells_[{static_cast<int>(kind), scenario, point, answer}] += by;
}

DbStatus AggregateDelta::flush(Database& db, std::int64_t session_id) {
  for (const auto& [key, by] : cells_) {
    if (by == 0) continue;
    const auto& [kind, scenario, point, answer] = key;
    Stmt s = db.prepare(
        "INSERT INTO agg_counts(session_id, kind, scenario, point, answer, count) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
        "ON CONFLICT(session_id, kind, scenario, point, answer) DO UPDATE SET count = count + excluded.count");
    s.bind(1, session_id)
        .bind(2, kind)
        .bind(3, scenario)
        .bind(4, point)
        .bind(5, answer)
        .bind(6, by);
    if (!s.run()) return s.status();
  }
  cells_.clear();
  return {};
}

DbStatus record_answer(Database& db, AggregateDelta& delta, std::int64_t player_id, AnswerKind kind,
                       const std::string& scenario, const std::string& point,
                       const std::string& answer, std::int64_t ord, ReplacePolicy policy) {
  std::string old_answer;
  std::int64_t old_ord = 0;
  bool found = false;
  {
    Stmt q = db.prepare(
        "SELECT answer, ord FROM player_answers WHERE player_id = ?1 AND kind = ?2 AND scenario = ?3 AND point = ?4");
    q.bind(1, player_id).bind(2, static_cast<int>(kind)).bind(3, scenario).bind(4, point);
    const StepResult r = q.step();
    if (r == StepResult::Error) return q.status();
    if (r == StepResult::Row) {
      found = true;
      old_answer = q.text_at(0);
      old_ord = q.int_at(1);
    }
  }
  if (found) {
    const bool replaces =
        policy == ReplacePolicy::Latest ? ord > old_ord : rank_of(answer) > rank_of(old_answer);
    if (!replaces || answer == old_answer) return {};
    Stmt u = db.prepare(
        "UPDATE player_answers SET answer = ?5, ord = ?6 WHERE player_id = ?1 AND kind = ?2 AND scenario = ?3 AND "
        "point = ?4");
    u.bind(1, player_id)
        .bind(2, static_cast<int>(kind))
        .bind(3, scenario)
        .bind(4, point)
        .bind(5, answer)
        .bind(6, ord);
    if (!u.run()) return u.status();
    delta.add(kind, scenario, point, old_answer, -1);
  } else {
    Stmt i = db.prepare(
        "INSERT INTO player_answers(player_id, kind, scenario, point, answer, ord) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    i.bind(1, player_id)
        .bind(2, static_cast<int>(kind))
        .bind(3, scenario)
        .bind(4, point)
        .bind(5, answer)
        .bind(6, ord);
    if (!i.run()) return i.status();
  }
  delta.add(kind, scenario, point, answer, +1);
  return {};
}

DbStatus ingest_events(Database& db, std::int64_t session_id, std::int64_t player_id,
                       std::int64_t time_bucket, const std::vector<ClassEvent>& events,
                       IngestResult& result) {
  AggregateDelta delta;
  for (const auto& e : events) {
    {
      Stmt ins = db.prepare(
          "INSERT INTO events(player_id, client_id, ord, type, scenario, node, answer, value, time_bucket) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(player_id, client_id) DO NOTHING");
      ins.bind(1, player_id).bind(2, e.client_id).bind(3, e.ord).bind(4, static_cast<int>(e.type));
      ins.bind(5, e.scenario)
          .bind(6, e.node)
          .bind(7, e.answer)
          .bind(8, e.value)
          .bind(9, time_bucket);
      if (!ins.run()) return ins.status();
    }
    if (db.changes() == 0) {
      ++result.duplicates;  // sent before; already counted
      continue;
    }
    ++result.stored;
    DbStatus s = apply(db, delta, player_id, e);
    if (!s.ok()) return s;
  }
  return delta.flush(db, session_id);
}

DbStatus insert_player(Database& db, std::int64_t session_id, const std::string& token_hash,
                       std::int64_t& player_id) {
  {
    Stmt s = db.prepare("INSERT INTO players(session_id, token_hash) VALUES (?1, ?2)");
    s.bind(1, session_id).bind_blob(2, token_hash);
    if (!s.run()) return s.status();
  }
  player_id = db.last_insert_rowid();
  AggregateDelta delta;
  DbStatus s = record_stage(db, delta, player_id, Stage::Joined, 0);
  if (!s.ok()) return s;
  return delta.flush(db, session_id);
}

}  // namespace upstander::server
