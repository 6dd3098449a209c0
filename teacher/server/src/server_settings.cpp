// Reading and writing the settings table.
#include "server_settings.hpp"

#include <algorithm>
#include <string>

#include "suppression.hpp"

namespace upstander::server {

static_assert(kSettingsMinK == kMinimumK, "serve.conf and the API accept the same smallest k");

DbStatus ServerSettings::load(Database& db) {
  SettingsValues v;
  Stmt s = db.prepare("SELECT key, value FROM settings");
  while (true) {
    const StepResult r = s.step();
    if (r == StepResult::Error) return s.status();
    if (r == StepResult::Done) break;
    const std::string key = s.text_at(0);
    int value = 0;
    try {
      value = std::stoi(s.text_at(1));
    } catch (const std::exception&) {
      continue;  // a damaged value falls back to the default
    }
    if (key == "retention_days") v.retention_days = std::clamp(value, 0, kMaxRetentionDays);
    if (key == "default_k") v.default_k = std::clamp(value, kMinimumK, kMaxK);
    if (key == "default_max_players")
      v.default_max_players = std::clamp(value, 1, kMaxPlayersLimit);
  }
  set(v);
  return {};
}

DbStatus ServerSettings::save(Database& db, const SettingsValues& v) {
  const std::pair<const char*, int> rows[] = {{"retention_days", v.retention_days},
                                              {"default_k", v.default_k},
                                              {"default_max_players", v.default_max_players}};
  for (const auto& [key, value] : rows) {
    Stmt s = db.prepare(
        "INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    s.bind(1, std::string_view(key)).bind(2, std::to_string(value));
    if (!s.run()) return s.status();
  }
  return {};
}

SettingsValues ServerSettings::get() const {
  return {retention_days_.load(), default_k_.load(), default_max_players_.load()};
}

void ServerSettings::set(const SettingsValues& v) {
  retention_days_ = v.retention_days;
  default_k_ = v.default_k;
  default_max_players_ = v.default_max_players;
}

}  // namespace upstander::server
