// The settings a teacher changes at run time (retention, default k, seats), kept in the
// settings table and cached for every request.
#pragma once

#include <atomic>

#include "sqlite_db.hpp"
#include "upstander/server/server_options.hpp"

namespace upstander::server {

inline constexpr int kMaxRetentionDays = kRetentionDaysMax;
inline constexpr int kDefaultRetentionDays = 7;
inline constexpr int kMaxK = kSettingsMaxK;
inline constexpr int kMaxPlayersLimit = 500;

struct SettingsValues {
  int retention_days = kDefaultRetentionDays;
  int default_k = 5;
  int default_max_players = 60;
};

class ServerSettings {
 public:
  DbStatus load(Database& db);
  // Writes inside the caller's (writer) transaction.
  static DbStatus save(Database& db, const SettingsValues& v);
  SettingsValues get() const;
  void set(const SettingsValues& v);

 private:
  std::atomic<int> retention_days_{kDefaultRetentionDays};
  std::atomic<int> default_k_{5};
  std::atomic<int> default_max_players_{60};
};

}  // namespace upstander::server
