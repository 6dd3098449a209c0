// A thin RAII layer over SQLite: one connection, cached prepared statements, and results
// with an error code instead of exceptions. Data only ever goes through bound parameters.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "upstander/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace upstander::server {

enum class DbError { Busy, Full, Corrupt, ReadOnly, Constraint, Io, Other };
std::string_view name_of(DbError e);

// A failed SQLite call: the class the server answers by, and SQLite's own code and words
// for the log and the start-up message.
struct DbFailure {
  DbError code = DbError::Other;
  int sqlite_code = 0;  // the (extended) SQLite result code
  std::string message;
};
using DbStatus = Result<void, DbFailure>;

// The failure for a SQLite result code that is not a success (OK, ROW and DONE map to Other).
DbFailure failure_of(int sqlite_code, std::string message);
// Success for SQLITE_OK, ROW and DONE; otherwise the failure for `sqlite_code`.
DbStatus from_code(int sqlite_code, std::string message);
// True when `s` failed with `code`; false on success.
inline bool failed_with(const DbStatus& s, DbError code) {
  return !s.ok() && s.error().code == code;
}

enum class StepResult { Row, Done, Error };

// One use of a cached statement; resets it and clears its bindings when it goes away, so
// the next user starts clean.
class Stmt {
 public:
  explicit Stmt(sqlite3_stmt* s) : s_(s) {}
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& bind(int index, std::int64_t value);
  Stmt& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Stmt& bind(int index, std::string_view text);
  Stmt& bind_blob(int index, std::string_view bytes);
  Stmt& bind_null(int index);

  StepResult step();
  // Steps to the end (for INSERT/UPDATE/DELETE); false on error.
  bool run();

  std::int64_t int_at(int column) const;
  std::string text_at(int column) const;
  std::string blob_at(int column) const;
  bool null_at(int column) const;

  const DbStatus& status() const { return status_; }

 private:
  void record(int rc);
  sqlite3_stmt* s_;
  DbStatus status_;
};

class Database {
 public:
  enum class Mode { ReadWrite, ReadOnly };

  Database() = default;
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  static Result<Database, DbFailure> open(const std::string& path, Mode mode, int busy_timeout_ms);

  // For PRAGMAs and schema statements written in code; never for data.
  DbStatus exec(std::string_view sql);
  // A statement prepared once per connection and reused. Throws nothing; on a bad SQL
  // string (a programmer error) the returned Stmt reports an error on step().
  Stmt prepare(std::string_view sql);
  // The first column of the first row of a query without parameters (PRAGMAs), or nullopt.
  std::optional<std::int64_t> query_int(std::string_view sql);

  std::int64_t changes() const;
  std::int64_t last_insert_rowid() const;
  DbStatus last_error() const;
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  void close();
  sqlite3* db_ = nullptr;
  std::string path_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// Runs BEGIN IMMEDIATE on construction; rolls back unless commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  const DbStatus& begun() const { return begin_; }
  DbStatus commit();

 private:
  Database& db_;
  DbStatus begin_;
  bool open_ = false;
};

}  // namespace upstander::server
