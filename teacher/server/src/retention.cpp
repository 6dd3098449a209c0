// Retention: sessions left open are ended after a day, and a set number of days after a
// session ends its raw events, player tokens and per-player answers are deleted. Only the
// aggregates stay, and they are only ever shown suppressed.
#include "classroom_service.hpp"
#include "server_log.hpp"

namespace upstander::server {

namespace {
constexpr std::int64_t kAutoEndSeconds = 24 * 3600;  // a class period is an hour, not a day
}  // namespace

DbStatus ClassroomService::purge_raw(const SessionInfo& s) {
  const std::int64_t id = s.db_id;
  const std::string public_id = s.public_id;
  return writer_.run(
      [id](Database& db) {
        for (
            std::string_view sql : {
                "DELETE FROM events WHERE player_id IN (SELECT id FROM players WHERE session_id = ?1)",
                "DELETE FROM player_answers WHERE player_id IN (SELECT id FROM players WHERE session_id = ?1)",
                "DELETE FROM players WHERE session_id = ?1",
                "UPDATE sessions SET raw_purged = 1 WHERE id = ?1",
            }) {
          Stmt q = db.prepare(sql);
          q.bind(1, id);
          if (!q.run()) return q.status();
        }
        return DbStatus{};
      },
      [this, public_id] {
        registry_.remove_players_of(public_id);
        registry_.mark_purged(public_id);
      });
}

int ClassroomService::enforce_retention() {
  const std::int64_t now = clock_();
  const std::int64_t keep = std::int64_t{settings_.get().retention_days} * 86400;
  int purged = 0;
  for (const SessionInfo& s : registry_.all()) {
    if (!s.ended && now - s.created_at >= kAutoEndSeconds) {
      const std::int64_t id = s.db_id;
      const std::string public_id = s.public_id;
      // A failed end leaves the session open, so the next pass tries again.
      (void)writer_.run(
          [id, now](Database& db) {
            Stmt q = db.prepare(
                "UPDATE sessions SET code = NULL, locked = 1, ended_at = ?2 WHERE id = ?1");
            q.bind(1, id).bind(2, now);
            return q.run() ? DbStatus{} : q.status();
          },
          [this, public_id, now] { registry_.mark_ended(public_id, now); });
      log_event("session " + public_id + " ended (open for too long)");
    }
  }
  for (const SessionInfo& s : registry_.all()) {
    if (s.ended && !s.raw_purged && now >= s.ended_at + keep) {
      if (purge_raw(s).ok()) {
        ++purged;
        log_event("session " + s.public_id + ": players and their events deleted (retention)");
      }
    }
  }
  if (purged > 0) (void)checkpoint_truncate();  // a log left in place is cleared later
  return purged;
}

}  // namespace upstander::server
