// Schema version 1 and the migration runner.
//
// What is stored follows SAFETY.md: sessions, a hash of each player token, event ids and
// content ids, survey values, event order and a coarse time bucket. No student's name,
// address, user agent or free text exists anywhere in the schema. The one text a person
// types that is kept is the teacher's name for a session ("2학년 3반", version 2): one
// line of at most 40 characters, never sent to students (session_name.hpp).
#include "schema.hpp"

#include <array>
#include <string>

namespace upstander::server {

namespace {

constexpr std::string_view kV1 = R"sql(
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Content files by SHA-256 (hex): school packs and the files each session serves.
CREATE TABLE blobs (
  hash TEXT PRIMARY KEY,
  bytes BLOB NOT NULL
) WITHOUT ROWID;

-- Scenario packs added by teachers; a pack with a shipped scenario's id replaces it.
CREATE TABLE packs (
  scenario_id TEXT PRIMARY KEY,
  hash TEXT NOT NULL REFERENCES blobs(hash),
  added_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  public_id TEXT NOT NULL UNIQUE,
  code TEXT UNIQUE,               -- NULL once the session has ended: the code dies with it
  language TEXT NOT NULL,
  k INTEGER NOT NULL CHECK (k >= 3),
  collect INTEGER NOT NULL,
  locked INTEGER NOT NULL DEFAULT 0,
  max_players INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  ended_at INTEGER,
  raw_purged INTEGER NOT NULL DEFAULT 0,
  content_hash TEXT NOT NULL
);

CREATE TABLE session_files (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  kind TEXT NOT NULL,             -- 'scenario' or 'survey'
  name TEXT NOT NULL,
  hash TEXT NOT NULL REFERENCES blobs(hash),
  PRIMARY KEY (session_id, ord)
) WITHOUT ROWID;

-- A player is a token hash within one session: nothing links two sessions.
CREATE TABLE players (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  token_hash BLOB NOT NULL UNIQUE
);
CREATE INDEX players_by_session ON players(session_id);

-- Raw events, purged after retention. (player_id, client_id) makes posting idempotent.
CREATE TABLE events (
  player_id INTEGER NOT NULL REFERENCES players(id) ON DELETE CASCADE,
  client_id TEXT NOT NULL,
  ord INTEGER NOT NULL,           -- the event's order among this player's events
  type INTEGER NOT NULL,
  scenario TEXT NOT NULL,
  node TEXT NOT NULL,             -- node, ending or survey item id
  answer TEXT NOT NULL,           -- choice, option, landing node or survey form; '' if none
  value INTEGER NOT NULL,         -- 1-5 for scales and survey items, else 0
  time_bucket INTEGER NOT NULL,   -- 5-minute steps since the session was created
  PRIMARY KEY (player_id, client_id)
) WITHOUT ROWID;

-- Each player's current answer per question (latest choice per decision point, furthest
-- stage, ...), so a changed answer moves one count instead of adding one. Purged with
-- the raw events.
CREATE TABLE player_answers (
  player_id INTEGER NOT NULL REFERENCES players(id) ON DELETE CASCADE,
  kind INTEGER NOT NULL,
  scenario TEXT NOT NULL,
  point TEXT NOT NULL,
  answer TEXT NOT NULL,
  ord INTEGER NOT NULL,
  PRIMARY KEY (player_id, kind, scenario, point)
) WITHOUT ROWID;

-- The aggregates the summary reads, kept current with every committed event. They stay
-- after the raw events are purged and are shown only through small-cell suppression.
CREATE TABLE agg_counts (
  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  kind INTEGER NOT NULL,
  scenario TEXT NOT NULL,
  point TEXT NOT NULL,
  answer TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (session_id, kind, scenario, point, answer)
) WITHOUT ROWID;
)sql";

// Version 2: the teacher's name for a session ("2학년 3반"), so two classes can be told
// apart. It is the teacher's own label, never sent to students; '' when none was given.
constexpr std::string_view kV2 = R"sql(
ALTER TABLE sessions ADD COLUMN name TEXT NOT NULL DEFAULT '';
)sql";

// Index i holds the migration from version i to i + 1.
constexpr std::array<std::string_view, kSchemaVersion> kMigrations{kV1, kV2};

}  // namespace

DbStatus configure_connection(Database& db) {
  // secure_delete overwrites deleted rows with zeros, so a purge leaves nothing to recover.
  for (std::string_view pragma :
       {"PRAGMA foreign_keys = ON", "PRAGMA secure_delete = ON", "PRAGMA trusted_schema = OFF"}) {
    DbStatus s = db.exec(pragma);
    if (!s.ok()) return s;
  }
  return {};
}

DbStatus configure_writer(Database& db) {
  DbStatus s = db.exec("PRAGMA journal_mode = WAL");
  if (!s.ok()) return s;
  // FULL: every commit syncs the WAL before the writer reports success, so an event the
  // server acknowledged survives a power cut (NORMAL may roll the last commits back).
  for (std::string_view pragma : {"PRAGMA synchronous = FULL", "PRAGMA wal_autocheckpoint = 0"}) {
    s = db.exec(pragma);
    if (!s.ok()) return s;
  }
  return configure_connection(db);
}

DbStatus migrate(Database& db) {
  const auto version = db.query_int("PRAGMA user_version");
  if (!version) return db.last_error();
  if (*version > kSchemaVersion) {
    return fail(failure_of(1, "the database was written by a newer Upstander (schema " +
                                  std::to_string(*version) + ", this version reads up to " +
                                  std::to_string(kSchemaVersion) + ")"));
  }
  for (auto v = static_cast<std::size_t>(*version); v < kMigrations.size(); ++v) {
    Transaction tx(db);
    if (!tx.begun().ok()) return tx.begun();
    DbStatus s = db.exec(kMigrations[v]);
    if (!s.ok()) return s;
    s = db.exec("PRAGMA user_version = " + std::to_string(v + 1));
    if (!s.ok()) return s;
    s = tx.commit();
    if (!s.ok()) return s;
  }
  return {};
}

DbStatus check_integrity(Database& db) {
  Stmt s = db.prepare("PRAGMA quick_check");
  if (s.step() != StepResult::Row) return s.status().ok() ? db.last_error() : s.status();
  const std::string result = s.text_at(0);
  if (result != "ok") return fail(failure_of(11 /* SQLITE_CORRUPT */, "quick_check: " + result));
  return {};
}

}  // namespace upstander::server
