// Start-up: rebuilding the in-memory state (packs, sessions, players) from the database.
#include "classroom_service.hpp"
#include "sha256.hpp"

namespace upstander::server {

namespace {

DbStatus load_packs(Database& db, ContentCatalog& catalog, std::string& skipped) {
  Stmt q = db.prepare(
      "SELECT p.scenario_id, p.hash, p.added_at, b.bytes FROM packs p JOIN blobs b ON b.hash = p.hash "
      "ORDER BY p.scenario_id");
  while (true) {
    const StepResult r = q.step();
    if (r == StepResult::Error) return q.status();
    if (r == StepResult::Done) return {};
    const std::string bytes = q.blob_at(3);
    PackCheck check = ContentCatalog::check_pack(bytes);
    if (!check.file) {
      // A pack that passed when added but not with this version of Upstander.
      skipped +=
          "the school pack " + q.text_at(0) + " no longer passes the checks and is not offered\n";
      continue;
    }
    CatalogScenario pack;
    pack.id = check.file->scenario()->id;
    pack.file = check.file;
    pack.blob = {pack.id + ".json", "scenario", bytes, q.text_at(1)};
    pack.added_at = q.int_at(2);
    catalog.put_pack(std::move(pack));
  }
}

DbStatus load_files(Database& db, std::int64_t session_id, std::vector<ContentBlob>& out) {
  Stmt q = db.prepare(
      "SELECT f.kind, f.name, f.hash, b.bytes FROM session_files f JOIN blobs b ON b.hash = f.hash "
      "WHERE f.session_id = ?1 ORDER BY f.ord");
  q.bind(1, session_id);
  while (true) {
    const StepResult r = q.step();
    if (r == StepResult::Error) return q.status();
    if (r == StepResult::Done) return {};
    out.push_back({q.text_at(1), q.text_at(0), q.blob_at(3), q.text_at(2)});
  }
}

DbStatus load_players(Database& db, const SessionInfo& s, SessionRegistry& registry, int& count) {
  Stmt q = db.prepare("SELECT id, token_hash FROM players WHERE session_id = ?1");
  q.bind(1, s.db_id);
  count = 0;
  while (true) {
    const StepResult r = q.step();
    if (r == StepResult::Error) return q.status();
    if (r == StepResult::Done) return {};
    registry.add_player(q.blob_at(1), PlayerRef{q.int_at(0), s.public_id});
    ++count;
  }
}

}  // namespace

DbStatus ClassroomService::load_state(Database& db, std::string& skipped) {
  DbStatus st = settings_.load(db);
  if (!st.ok()) return st;
  st = load_packs(db, catalog_, skipped);
  if (!st.ok()) return st;
  std::vector<SessionInfo> sessions;
  {
    Stmt q = db.prepare(
        "SELECT id, public_id, code, language, k, collect, locked, max_players, created_at, ended_at, raw_purged, "
        "name FROM sessions");
    while (true) {
      const StepResult r = q.step();
      if (r == StepResult::Error) return q.status();
      if (r == StepResult::Done) break;
      SessionInfo s;
      s.db_id = q.int_at(0);
      s.public_id = q.text_at(1);
      s.code = q.null_at(2) ? "" : q.text_at(2);
      s.language = q.text_at(3);
      s.k = static_cast<int>(q.int_at(4));
      s.collect = q.int_at(5) != 0;
      s.locked = q.int_at(6) != 0;
      s.max_players = static_cast<int>(q.int_at(7));
      s.created_at = q.int_at(8);
      s.ended = !q.null_at(9);
      s.ended_at = s.ended ? q.int_at(9) : 0;
      s.raw_purged = q.int_at(10) != 0;
      s.name = q.text_at(11);
      sessions.push_back(std::move(s));
    }
  }
  for (auto& s : sessions) {
    std::vector<ContentBlob> blobs;
    st = load_files(db, s.db_id, blobs);
    if (!st.ok()) return st;
    auto content = content_for(std::move(blobs));
    if (!content) {
      skipped += "session " + s.public_id + ": " + content.error().message + "\n";
      continue;
    }
    s.content = std::move(*content);
    st = load_players(db, s, registry_, s.players);
    if (!st.ok()) return st;
    registry_.add_session(s);
  }
  return {};
}

}  // namespace upstander::server
