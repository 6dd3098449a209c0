// The sessions and players the server knows, in memory for every request: join codes,
// lobby state, seats, and player tokens (by hash). The database is the source of truth;
// this is rebuilt from it at start and changed only after a write commits.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "session_content.hpp"

namespace upstander::server {

struct SessionInfo {
  std::int64_t db_id = 0;
  std::string public_id;
  std::string code;  // "" once ended
  std::string language;
  std::string name;  // the teacher's label; never sent to students
  int k = 5;
  bool collect = true;
  bool locked = false;
  bool ended = false;
  bool raw_purged = false;
  int max_players = 60;
  int players = 0;  // seats taken, including joins still being written
  std::int64_t created_at = 0;
  std::int64_t ended_at = 0;
  std::shared_ptr<const SessionContent> content;
};

struct PlayerRef {
  std::int64_t player_id = 0;
  std::string session_public_id;
};

enum class SeatResult { Ok, UnknownCode, Locked, Full, Ended };

class SessionRegistry {
 public:
  void add_session(SessionInfo s);
  void remove_session(const std::string& public_id);
  std::optional<SessionInfo> find(const std::string& public_id) const;
  std::vector<SessionInfo> all() const;
  bool code_in_use(const std::string& code) const;

  // Takes a seat in the session with this code, if the lobby is open and not full; the
  // session is copied to `out`. release_seat() gives it back when the join fails later.
  SeatResult reserve_seat(const std::string& code, SessionInfo& out);
  void release_seat(const std::string& public_id);

  void set_locked(const std::string& public_id, bool locked);
  void set_name(const std::string& public_id, std::string name);
  // The code stops working at once; the database keeps nothing of it either.
  void mark_ended(const std::string& public_id, std::int64_t ended_at);
  void mark_purged(const std::string& public_id);

  void add_player(const std::string& token_hash, PlayerRef ref);
  std::optional<PlayerRef> player(const std::string& token_hash) const;
  // Players of a session are forgotten when its raw data is purged or it is deleted.
  void remove_players_of(const std::string& public_id);
  std::size_t player_count() const;

  // Claims a display name for one join in the session; false when a classmate already has
  // it. In memory only (pseudonyms are never stored), so it holds while the server runs.
  bool claim_pseudonym(const std::string& public_id, const std::string& name);

 private:
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, SessionInfo> sessions_;  // by public id
  std::unordered_map<std::string, std::string> codes_;     // code -> public id
  std::unordered_map<std::string, PlayerRef> players_;     // token hash -> player
  std::unordered_map<std::string, std::unordered_set<std::string>> pseudonyms_;  // by public id
};

}  // namespace upstander::server
