// The database schema and its migrations, keyed on PRAGMA user_version: each migration
// runs once, in order, inside one transaction with the version bump.
#pragma once

#include "sqlite_db.hpp"

namespace upstander::server {

inline constexpr int kSchemaVersion = 2;

// Applies the connection settings every connection needs (foreign keys, secure_delete).
DbStatus configure_connection(Database& db);
// For the writer connection: WAL, synchronous=NORMAL, no automatic checkpoints (the
// maintenance thread checkpoints so a student's request never waits for one).
DbStatus configure_writer(Database& db);
// Brings the schema to kSchemaVersion. A database from a newer Upstander is refused.
DbStatus migrate(Database& db);
// PRAGMA quick_check; ok() when the file is sound.
DbStatus check_integrity(Database& db);

}  // namespace upstander::server
