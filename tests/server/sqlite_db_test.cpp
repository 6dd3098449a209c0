// The SQLite layer's results: which SQLite codes are successes, and the class a failure
// is answered by (busy, constraint, io...), from real calls on a real file.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include "server_test_support.hpp"
#include "sqlite_db.hpp"

using namespace upstander::server;

TEST_CASE("SQLite's success codes are success, the rest are failures with their class") {
  CHECK(from_code(SQLITE_OK, "").ok());
  CHECK(from_code(SQLITE_ROW, "").ok());
  CHECK(from_code(SQLITE_DONE, "").ok());
  const DbStatus busy = from_code(SQLITE_BUSY_SNAPSHOT, "locked");
  REQUIRE_FALSE(busy.ok());
  CHECK(busy.error().code == DbError::Busy);
  CHECK(busy.error().sqlite_code == SQLITE_BUSY_SNAPSHOT);
  CHECK(busy.error().message == "locked");
  CHECK(failed_with(busy, DbError::Busy));
  CHECK_FALSE(failed_with(busy, DbError::Full));
  CHECK_FALSE(failed_with(DbStatus{}, DbError::Busy));
  CHECK(failure_of(SQLITE_IOERR_FSYNC, "").code == DbError::Io);
  CHECK(failure_of(SQLITE_NOTADB, "").code == DbError::Corrupt);
  CHECK(failure_of(SQLITE_MISMATCH, "").code == DbError::Other);
}

TEST_CASE("a database that cannot be opened says why") {
  TempDir dir;
  const auto db =
      Database::open(dir.path() + "/missing/classroom.sqlite", Database::Mode::ReadWrite, 100);
  REQUIRE_FALSE(db.ok());
  CHECK(db.error().code == DbError::Io);
  CHECK_FALSE(db.error().message.empty());
}

TEST_CASE("statements and transactions report their failure class") {
  TempDir dir;
  auto db = Database::open(dir.path() + "/t.sqlite", Database::Mode::ReadWrite, 100);
  REQUIRE(db.ok());
  REQUIRE(db->exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)").ok());
  const DbStatus bad = db->exec("NOT SQL");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == DbError::Other);

  {
    Stmt first = db->prepare("INSERT INTO t (v) VALUES (?1)");
    CHECK(first.bind(1, std::string_view("a")).run());
    CHECK(first.status().ok());
  }
  {
    Stmt again = db->prepare("INSERT INTO t (v) VALUES ('a')");
    CHECK_FALSE(again.run());
    CHECK(failed_with(again.status(), DbError::Constraint));
  }

  Transaction tx(*db);
  REQUIRE(tx.begun().ok());
  CHECK(tx.commit().ok());
  const DbStatus twice = tx.commit();
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.error().code == DbError::Other);
}
