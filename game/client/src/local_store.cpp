// The client's SQLite file.
#include "local_store.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <filesystem>

#include <nlohmann/json.hpp>

namespace upstander::client {

namespace {

// A prepared statement that finalizes itself.
class Query {
 public:
  Query(sqlite3* db, const char* sql) {
    ok_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr) == SQLITE_OK;
  }
  ~Query() { sqlite3_finalize(s_); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;
  Query& text(int i, const std::string& v) {
    ok_ = ok_ && sqlite3_bind_text64(s_, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8) ==
                     SQLITE_OK;
    return *this;
  }
  Query& blob(int i, const std::string& v) {
    ok_ = ok_ && sqlite3_bind_blob64(s_, i, v.data(), v.size(), SQLITE_TRANSIENT) == SQLITE_OK;
    return *this;
  }
  Query& integer(int i, std::int64_t v) {
    ok_ = ok_ && sqlite3_bind_int64(s_, i, v) == SQLITE_OK;
    return *this;
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int step() { return ok_ ? sqlite3_step(s_) : SQLITE_MISUSE; }
  bool run() {
    int rc = step();
    while (rc == SQLITE_ROW) rc = step();
    return rc == SQLITE_DONE;
  }
  std::string col_text(int c) const {
    const auto* p = sqlite3_column_text(s_, c);
    return p ? std::string(reinterpret_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(s_, c)))
             : std::string();
  }
  std::string col_blob(int c) const {
    const void* p = sqlite3_column_blob(s_, c);
    return p ? std::string(static_cast<const char*>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(s_, c)))
             : std::string();
  }
  std::int64_t col_int(int c) const { return sqlite3_column_int64(s_, c); }

 private:
  sqlite3_stmt* s_ = nullptr;
  bool ok_ = false;
};

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS session (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS content (ord INTEGER PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL,
                                    sha256 TEXT NOT NULL, bytes BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS outbox (ord INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, body TEXT NOT NULL);
)sql";

}  // namespace

StoreResult<std::unique_ptr<ClassStore>> LocalStore::open(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  ::chmod(dir.c_str(), 0700);
  std::unique_ptr<LocalStore> s(new LocalStore());
  const std::string path = dir + "/class-connection.sqlite";
  if (sqlite3_open_v2(path.c_str(), &s->db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    return fail(StoreFailure{StoreError::CannotOpen, "cannot open " + path});
  }
  sqlite3_busy_timeout(s->db_, 5000);
  // FULL: every commit reaches the disk before submit() returns.
  if (!s->exec("PRAGMA journal_mode = WAL") || !s->exec("PRAGMA synchronous = FULL") ||
      !s->exec("PRAGMA secure_delete = ON") || !s->exec(kSchema)) {
    return fail(StoreFailure{StoreError::CannotPrepare,
                             "cannot prepare " + path + ": " + sqlite3_errmsg(s->db_)});
  }
  ::chmod(path.c_str(), 0600);
  return std::unique_ptr<ClassStore>(std::move(s));
}

LocalStore::~LocalStore() {
  sqlite3_close_v2(db_);
}

bool LocalStore::exec(const char* sql) {
  return sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

bool LocalStore::save_session(const SavedSession& s) {
  std::lock_guard lock(mu_);
  if (!exec("BEGIN IMMEDIATE")) return false;
  bool ok =
      exec("DELETE FROM session") && exec("DELETE FROM content") && exec("DELETE FROM outbox");
  const nlohmann::json pseudonym = {{"adjective", s.pseudonym.adjective},
                                    {"animal", s.pseudonym.animal},
                                    {"number", s.pseudonym.number}};
  const std::pair<const char*, std::string> rows[] = {
      {"host", s.server.host},
      {"port", std::to_string(s.server.port)},
      {"session_id", s.session_id},
      {"token", s.token},
      {"language", s.language},
      {"content_hash", s.content_hash},
      {"collect", s.collect ? "1" : "0"},
      {"pseudonym", pseudonym.dump()},
      {"survey_order", std::string(name_of(s.survey_order))},
  };
  for (const auto& [key, value] : rows) {
    ok = ok && Query(db_, "INSERT INTO session(key, value) VALUES (?1, ?2)")
                   .text(1, key)
                   .text(2, value)
                   .run();
  }
  for (std::size_t i = 0; i < s.files.size(); ++i) {
    const ServedFile& f = s.files[i];
    ok = ok &&
         Query(db_,
               "INSERT INTO content(ord, name, type, sha256, bytes) VALUES (?1, ?2, ?3, ?4, ?5)")
             .integer(1, static_cast<std::int64_t>(i))
             .text(2, f.name)
             .text(3, f.type)
             .text(4, f.sha256)
             .blob(5, f.text)
             .run();
  }
  if (!ok) {
    exec("ROLLBACK");
    return false;
  }
  return exec("COMMIT");
}

std::optional<SavedSession> LocalStore::load_session() {
  std::lock_guard lock(mu_);
  SavedSession s;
  std::size_t keys = 0;
  Query q(db_, "SELECT key, value FROM session");
  while (q.step() == SQLITE_ROW) {
    const std::string key = q.col_text(0);
    const std::string value = q.col_text(1);
    ++keys;
    if (key == "host") s.server.host = value;
    if (key == "port") s.server.port = std::atoi(value.c_str());
    if (key == "session_id") s.session_id = value;
    if (key == "token") s.token = value;
    if (key == "language") s.language = value;
    if (key == "content_hash") s.content_hash = value;
    if (key == "collect") s.collect = value == "1";
    if (key == "survey_order") s.survey_order = parse_survey_order(value).value_or(SurveyOrder::AB);
    if (key == "pseudonym") {
      const auto j = nlohmann::json::parse(value, nullptr, false);
      if (j.is_object()) {
        s.pseudonym.adjective = j.value("adjective", "");
        s.pseudonym.animal = j.value("animal", "");
        s.pseudonym.number = j.value("number", 0);
      }
    }
  }
  if (keys == 0 || s.token.empty()) return std::nullopt;
  Query c(db_, "SELECT name, type, sha256, bytes FROM content ORDER BY ord");
  while (c.step() == SQLITE_ROW)
    s.files.push_back({c.col_text(0), c.col_text(1), c.col_text(2), c.col_blob(3)});
  return s;
}

bool LocalStore::enqueue(const std::vector<std::pair<std::string, std::string>>& id_and_body) {
  std::lock_guard lock(mu_);
  if (!exec("BEGIN IMMEDIATE")) return false;
  bool ok = true;
  for (const auto& [id, body] : id_and_body) {
    ok = ok &&
         Query(db_, "INSERT INTO outbox(id, body) VALUES (?1, ?2)").text(1, id).text(2, body).run();
  }
  if (!ok) {
    exec("ROLLBACK");
    return false;
  }
  return exec("COMMIT");
}

std::vector<QueuedEvent> LocalStore::peek(std::size_t max) {
  std::lock_guard lock(mu_);
  std::vector<QueuedEvent> out;
  Query q(db_, "SELECT ord, id, body FROM outbox ORDER BY ord LIMIT ?1");
  q.integer(1, static_cast<std::int64_t>(max));
  while (q.step() == SQLITE_ROW) out.push_back({q.col_int(0), q.col_text(1), q.col_text(2)});
  return out;
}

bool LocalStore::remove(const std::vector<std::string>& ids) {
  std::lock_guard lock(mu_);
  if (!exec("BEGIN IMMEDIATE")) return false;
  bool ok = true;
  for (const auto& id : ids)
    ok = ok && Query(db_, "DELETE FROM outbox WHERE id = ?1").text(1, id).run();
  if (!ok) {
    exec("ROLLBACK");
    return false;
  }
  return exec("COMMIT");
}

std::size_t LocalStore::count() {
  std::lock_guard lock(mu_);
  Query q(db_, "SELECT count(*) FROM outbox");
  return q.step() == SQLITE_ROW ? static_cast<std::size_t>(q.col_int(0)) : 0;
}

bool LocalStore::clear_outbox() {
  std::lock_guard lock(mu_);
  return exec("DELETE FROM outbox");
}

bool LocalStore::forget() {
  std::lock_guard lock(mu_);
  return exec(
             "BEGIN IMMEDIATE; DELETE FROM session; DELETE FROM content; DELETE FROM outbox; COMMIT") &&
         exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

}  // namespace upstander::client
