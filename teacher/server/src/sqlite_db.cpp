// SQLite connections and statements with error codes.
#include "sqlite_db.hpp"

#include <sqlite3.h>

#include <utility>

namespace upstander::server {

std::string_view name_of(DbError e) {
  switch (e) {
    case DbError::Busy: return "busy";
    case DbError::Full: return "full";
    case DbError::Corrupt: return "corrupt";
    case DbError::ReadOnly: return "read_only";
    case DbError::Constraint: return "constraint";
    case DbError::Io: return "io";
    case DbError::Other: return "other";
  }
  return "other";
}

DbFailure failure_of(int sqlite_code, std::string message) {
  DbFailure f{DbError::Other, sqlite_code, std::move(message)};
  switch (sqlite_code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: f.code = DbError::Busy; break;
    case SQLITE_FULL: f.code = DbError::Full; break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: f.code = DbError::Corrupt; break;
    case SQLITE_READONLY: f.code = DbError::ReadOnly; break;
    case SQLITE_CONSTRAINT: f.code = DbError::Constraint; break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN: f.code = DbError::Io; break;
    default: break;
  }
  return f;
}

DbStatus from_code(int sqlite_code, std::string message) {
  switch (sqlite_code & 0xff) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE: return {};
    default: return fail(failure_of(sqlite_code, std::move(message)));
  }
}

Stmt::~Stmt() {
  if (s_ != nullptr) {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
}

void Stmt::record(int rc) {
  if (status_.ok() && rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) {
    status_ =
        from_code(rc, s_ ? sqlite3_errmsg(sqlite3_db_handle(s_)) : "statement did not prepare");
  }
}

Stmt& Stmt::bind(int index, std::int64_t value) {
  record(s_ ? sqlite3_bind_int64(s_, index, value) : SQLITE_MISUSE);
  return *this;
}

Stmt& Stmt::bind(int index, std::string_view text) {
  record(
      s_ ? sqlite3_bind_text64(s_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8)
         : SQLITE_MISUSE);
  return *this;
}

Stmt& Stmt::bind_blob(int index, std::string_view bytes) {
  record(s_ ? sqlite3_bind_blob64(s_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT)
            : SQLITE_MISUSE);
  return *this;
}

Stmt& Stmt::bind_null(int index) {
  record(s_ ? sqlite3_bind_null(s_, index) : SQLITE_MISUSE);
  return *this;
}

StepResult Stmt::step() {
  if (s_ == nullptr || !status_.ok()) {
    record(SQLITE_MISUSE);
    return StepResult::Error;
  }
  const int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return StepResult::Row;
  if (rc == SQLITE_DONE) return StepResult::Done;
  record(rc);
  return StepResult::Error;
}

bool Stmt::run() {
  while (true) {
    const StepResult r = step();
    if (r == StepResult::Done) return true;
    if (r == StepResult::Error) return false;
  }
}

std::int64_t Stmt::int_at(int column) const {
  return sqlite3_column_int64(s_, column);
}

std::string Stmt::text_at(int column) const {
  const auto* p = sqlite3_column_text(s_, column);
  const int n = sqlite3_column_bytes(s_, column);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n))
           : std::string();
}

std::string Stmt::blob_at(int column) const {
  const void* p = sqlite3_column_blob(s_, column);
  const int n = sqlite3_column_bytes(s_, column);
  return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}

bool Stmt::null_at(int column) const {
  return sqlite3_column_type(s_, column) == SQLITE_NULL;
}

Database::~Database() {
  close();
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      cache_(std::move(other.cache_)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    close();
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
    cache_ = std::move(other.cache_);
  }
  return *this;
}

void Database::close() {
  for (auto& [sql, s] : cache_) sqlite3_finalize(s);
  cache_.clear();
  if (db_ != nullptr) sqlite3_close_v2(db_);
  db_ = nullptr;
}

Result<Database, DbFailure> Database::open(const std::string& path, Mode mode,
                                           int busy_timeout_ms) {
  Database d;
  d.path_ = path;
  const int flags = (mode == Mode::ReadWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                             : SQLITE_OPEN_READONLY) |
                    SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &d.db_, flags, nullptr);
  if (rc != SQLITE_OK)
    return fail(failure_of(rc, d.db_ ? sqlite3_errmsg(d.db_) : "cannot open the database"));
  sqlite3_extended_result_codes(d.db_, 1);
  sqlite3_busy_timeout(d.db_, busy_timeout_ms);
  return d;
}

DbStatus Database::exec(std::string_view sql) {
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err);
  DbStatus s = from_code(rc, err ? err : "");
  sqlite3_free(err);
  return s;
}

Stmt Database::prepare(std::string_view sql) {
  std::string key(sql);
  auto it = cache_.find(key);
  if (it != cache_.end()) return Stmt(it->second);
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT,
                         &s, nullptr) != SQLITE_OK) {
    sqlite3_finalize(s);
    return Stmt(nullptr);
  }
  cache_.emplace(std::move(key), s);
  return Stmt(s);
}

std::optional<std::int64_t> Database::query_int(std::string_view sql) {
  Stmt s = prepare(sql);
  if (s.step() != StepResult::Row) return std::nullopt;
  return s.int_at(0);
}

std::int64_t Database::changes() const {
  return sqlite3_changes64(db_);
}
std::int64_t Database::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(db_);
}
DbStatus Database::last_error() const {
  return from_code(sqlite3_errcode(db_), sqlite3_errmsg(db_));
}

Transaction::Transaction(Database& db) : db_(db) {
  begin_ = db_.exec("BEGIN IMMEDIATE");
  open_ = begin_.ok();
}

Transaction::~Transaction() {
  if (open_) (void)db_.exec("ROLLBACK");  // a destructor has no one to report a failure to
}

DbStatus Transaction::commit() {
  if (!open_) {
    if (!begin_.ok()) return begin_;
    return fail(failure_of(1, "no transaction"));
  }
  DbStatus s = db_.exec("COMMIT");
  if (s.ok()) open_ = false;
  return s;
}

}  // namespace upstander::server
