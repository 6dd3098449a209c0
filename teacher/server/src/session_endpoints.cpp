// Teachers: create, list, rename, lock, end and delete sessions.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "classroom_service.hpp"
#include "join_code.hpp"
#include "request_bodies.hpp"
#include "secure_random.hpp"
#include "server_log.hpp"
#include "suppression.hpp"
#include "upstander/vocabulary.hpp"

namespace upstander::server {

namespace {

DbStatus store_blob(Database& db, const ContentBlob& b) {
  Stmt s =
      db.prepare("INSERT INTO blobs(hash, bytes) VALUES (?1, ?2) ON CONFLICT(hash) DO NOTHING");
  s.bind(1, b.sha256).bind_blob(2, b.bytes);
  return s.run() ? DbStatus{} : s.status();
}

DbStatus insert_session(Database& db, SessionInfo& s) {
  for (const auto& b : s.content->blobs()) {
    DbStatus st = store_blob(db, b);
    if (!st.ok()) return st;
  }
  {
    Stmt q = db.prepare(
        "INSERT INTO sessions(public_id, code, language, k, collect, locked, max_players, "
        "created_at, content_hash, name) "
        "VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?7, ?8, ?9)");
    q.bind(1, s.public_id)
        .bind(2, s.code)
        .bind(3, s.language)
        .bind(4, s.k)
        .bind(5, s.collect ? 1 : 0);
    q.bind(6, s.max_players).bind(7, s.created_at).bind(8, s.content->hash()).bind(9, s.name);
    if (!q.run()) return q.status();
  }
  s.db_id = db.last_insert_rowid();
  const auto& blobs = s.content->blobs();
  for (std::size_t i = 0; i < blobs.size(); ++i) {
    Stmt q = db.prepare(
        "INSERT INTO session_files(session_id, ord, kind, name, hash) VALUES (?1, ?2, ?3, ?4, ?5)");
    q.bind(1, s.db_id)
        .bind(2, static_cast<std::int64_t>(i))
        .bind(3, blobs[i].kind)
        .bind(4, blobs[i].name);
    q.bind(5, blobs[i].sha256);
    if (!q.run()) return q.status();
  }
  return {};
}

// The file of one chosen scenario, if the session may use it: it exists, is not a draft
// (unless drafts are allowed) and is written in the session's language.
std::optional<ApiResponse> add_scenario(const ContentCatalog& catalog, const std::string& id,
                                        const std::string& language, bool allow_drafts,
                                        std::vector<ContentBlob>& blobs) {
  auto found = catalog.find(id);
  const Scenario* sc = found ? found->file->scenario() : nullptr;
  if (sc == nullptr)
    return error_response(422, "unknown_scenario", "there is no scenario \"" + id + "\"",
                          {{"scenario", id}});
  if (sc->review.status == ReviewStatus::Draft && !allow_drafts) {
    return error_response(422, "draft_not_allowed",
                          "\"" + id + "\" is a draft; allow drafts to use it with a class",
                          {{"scenario", id}});
  }
  if (std::find(sc->locales.begin(), sc->locales.end(), language) == sc->locales.end()) {
    return error_response(422, "unsupported_language",
                          "\"" + id + "\" is not written in \"" + language + "\"",
                          {{"scenario", id}});
  }
  blobs.push_back(found->blob);
  return std::nullopt;
}

}  // namespace

std::optional<DbStatus> ClassroomService::store_new_session(SessionInfo& s) {
  DbStatus st;
  for (int attempt = 0; attempt < 5; ++attempt) {
    do {
      auto code = make_join_code();
      if (!code) return std::nullopt;
      s.code = std::move(*code);
    } while (registry_.code_in_use(s.code));
    st = writer_.run([&](Database& db) { return insert_session(db, s); },
                     [&] { registry_.add_session(s); });
    if (!failed_with(st, DbError::Constraint))
      break;  // a code taken by a concurrent create: draw again
  }
  return st;
}

ApiResponse ClassroomService::create_session(ApiRequest& req) {
  auto request = read_session_request(req.body);
  if (!request) return request.error().response();
  const SettingsValues defaults = settings_.get();
  const auto& ids = request->scenarios;
  const auto& language = request->language;
  const auto& k = request->k;
  const auto& collect = request->collect;
  const auto& with_survey = request->survey;
  const auto& max_players = request->max_players;

  std::vector<ContentBlob> blobs;
  for (const auto& id : ids) {
    if (auto refused = add_scenario(catalog_, id, language, request->allow_drafts, blobs))
      return *refused;
  }
  auto survey = catalog_.survey();
  if (with_survey.value_or(true) && survey) blobs.push_back(*survey);
  if (with_survey.value_or(false) && !survey) {
    return error_response(422, "no_survey",
                          "the content has no survey (content/surveys/core.json)");
  }

  SessionInfo s;
  auto content = content_for(std::move(blobs));
  if (!content) return error_response(500, "content_error", content.error().message);
  s.content = std::move(*content);
  auto public_id = random_hex(8);
  if (!public_id) return randomness_error();
  s.public_id = std::move(*public_id);
  s.language = language;
  s.name = std::move(request->name);
  s.k = static_cast<int>(k.value_or(defaults.default_k));
  s.collect = collect.value_or(true);
  s.max_players = static_cast<int>(max_players.value_or(defaults.default_max_players));
  s.created_at = clock_();

  const auto st = store_new_session(s);
  if (!st) return randomness_error();
  if (!st->ok()) return storage_error(*st);
  log_event("session " + s.public_id + " created");
  return json_response(201, describe_session(s));
}

ApiResponse ClassroomService::list_sessions(ApiRequest&) {
  std::vector<SessionInfo> all = registry_.all();
  std::sort(all.begin(), all.end(), [](const SessionInfo& a, const SessionInfo& b) {
    return a.created_at != b.created_at ? a.created_at > b.created_at : a.public_id < b.public_id;
  });
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& s : all) list.push_back(describe_session(s));
  return json_response(200, nlohmann::ordered_json{{"sessions", std::move(list)}});
}

ApiResponse ClassroomService::get_session(ApiRequest& req) {
  auto s = session_param(req);
  if (!s) return unknown_session();
  return json_response(200, describe_session(*s));
}

ApiResponse ClassroomService::session_content(ApiRequest& req) {
  auto s = session_param(req);
  if (!s) return unknown_session();
  std::string body = "{\"session\":" + nlohmann::json(s->public_id).dump() +
                     ",\"content\":" + s->content->wire_json() + "}";
  return ApiResponse{200, "application/json; charset=utf-8", std::move(body), {}};
}

ApiResponse ClassroomService::set_locked(ApiRequest& req, bool locked) {
  if (auto bad = expect_no_fields(req)) return *bad;
  auto s = session_param(req);
  if (!s) return unknown_session();
  if (s->ended) return error_response(409, "session_ended", "this session has ended");
  const std::int64_t id = s->db_id;
  const std::string public_id = s->public_id;
  const DbStatus st = writer_.run(
      [&](Database& db) {
        Stmt q = db.prepare("UPDATE sessions SET locked = ?2 WHERE id = ?1");
        q.bind(1, id).bind(2, locked ? 1 : 0);
        return q.run() ? DbStatus{} : q.status();
      },
      [&] { registry_.set_locked(public_id, locked); });
  if (!st.ok()) return storage_error(st);
  log_event("session " + public_id + (locked ? " locked" : " unlocked"));
  return json_response(200, describe_session(*registry_.find(public_id)));
}

ApiResponse ClassroomService::rename_session(ApiRequest& req) {
  auto name = read_rename_request(req.body);
  if (!name) return name.error().response();
  auto s = session_param(req);
  if (!s) return unknown_session();
  // An ended session may still be renamed: naming is how a teacher finds it afterwards.
  const std::int64_t id = s->db_id;
  const std::string public_id = s->public_id;
  const DbStatus st = writer_.run(
      [&](Database& db) {
        Stmt q = db.prepare("UPDATE sessions SET name = ?2 WHERE id = ?1");
        q.bind(1, id).bind(2, *name);
        return q.run() ? DbStatus{} : q.status();
      },
      [&] { registry_.set_name(public_id, *name); });
  if (!st.ok()) return storage_error(st);
  return json_response(200, describe_session(*registry_.find(public_id)));
}

ApiResponse ClassroomService::end_session(ApiRequest& req) {
  if (auto bad = expect_no_fields(req)) return *bad;
  auto s = session_param(req);
  if (!s) return unknown_session();
  if (!s->ended) {
    const std::int64_t id = s->db_id;
    const std::string public_id = s->public_id;
    const std::int64_t now = clock_();
    const DbStatus st = writer_.run(
        [&](Database& db) {
          Stmt q = db.prepare(
              "UPDATE sessions SET code = NULL, locked = 1, ended_at = ?2 WHERE id = ?1");
          q.bind(1, id).bind(2, now);
          return q.run() ? DbStatus{} : q.status();
        },
        [&] { registry_.mark_ended(public_id, now); });
    if (!st.ok()) return storage_error(st);
    log_event("session " + public_id + " ended");
  }
  auto after = registry_.find(req.path_params[0]);
  if (!after) return unknown_session();
  return json_response(200, describe_session(*after));
}

ApiResponse ClassroomService::delete_session(ApiRequest& req) {
  if (auto bad = expect_no_fields(req)) return *bad;
  auto s = session_param(req);
  if (!s) return unknown_session();
  const std::int64_t id = s->db_id;
  const std::string public_id = s->public_id;
  const DbStatus st = writer_.run(
      [&](Database& db) {
        // Cascades to players, their events and answers, the aggregates and file links.
        Stmt q = db.prepare("DELETE FROM sessions WHERE id = ?1");
        q.bind(1, id);
        if (!q.run()) return q.status();
        Stmt g = db.prepare(
            "DELETE FROM blobs WHERE hash NOT IN (SELECT hash FROM session_files UNION SELECT hash "
            "FROM packs)");
        return g.run() ? DbStatus{} : g.status();
      },
      [&] {
        registry_.remove_players_of(public_id);
        registry_.remove_session(public_id);
      });
  if (!st.ok()) return storage_error(st);
  log_event("session " + public_id + " deleted");
  // Deleted rows are zeroed in the database file (secure_delete); their old pages in the
  // write-ahead log go with the checkpoint that truncates it.
  const DbStatus cp = checkpoint_truncate();
  return json_response(200, nlohmann::json{{"deleted", public_id}, {"log_cleared", cp.ok()}});
}

DbStatus ClassroomService::checkpoint_truncate() {
  return writer_.run_alone([](Database& db) -> DbStatus {
    Stmt s = db.prepare("PRAGMA wal_checkpoint(TRUNCATE)");
    if (s.step() != StepResult::Row) return s.status().ok() ? db.last_error() : s.status();
    if (s.int_at(0) != 0)
      return fail(failure_of(5 /* SQLITE_BUSY */, "a reader kept the log from being cleared"));
    return {};
  });
}

}  // namespace upstander::server
