// In-memory session and player tables, guarded by one reader-writer lock.
#include "session_registry.hpp"

#include <mutex>

namespace upstander::server {

void SessionRegistry::add_session(SessionInfo s) {
  std::unique_lock lock(mu_);
  if (!s.code.empty()) codes_[s.code] = s.public_id;
  sessions_[s.public_id] = std::move(s);
}

void SessionRegistry::remove_session(const std::string& public_id) {
  std::unique_lock lock(mu_);
  auto it = sessions_.find(public_id);
  if (it == sessions_.end()) return;
  if (!it->second.code.empty()) codes_.erase(it->second.code);
  sessions_.erase(it);
  pseudonyms_.erase(public_id);
}

bool SessionRegistry::claim_pseudonym(const std::string& public_id, const std::string& name) {
  std::unique_lock lock(mu_);
  return pseudonyms_[public_id].insert(name).second;
}

std::optional<SessionInfo> SessionRegistry::find(const std::string& public_id) const {
  std::shared_lock lock(mu_);
  auto it = sessions_.find(public_id);
  if (it == sessions_.end()) return std::nullopt;
  return it->second;
}

std::vector<SessionInfo> SessionRegistry::all() const {
  std::shared_lock lock(mu_);
  std::vector<SessionInfo> out;
  out.reserve(sessions_.size());
  for (const auto& [id, s] : sessions_) out.push_back(s);
  return out;
}

bool SessionRegistry::code_in_use(const std::string& code) const {
  std::shared_lock lock(mu_);
  return codes_.count(code) > 0;
}

SeatResult SessionRegistry::reserve_seat(const std::string& code, SessionInfo& out) {
  std::unique_lock lock(mu_);
  auto c = codes_.find(code);
  if (c == codes_.end()) return SeatResult::UnknownCode;
  auto it = sessions_.find(c->second);
  if (it == sessions_.end()) return SeatResult::UnknownCode;
  SessionInfo& s = it->second;
  if (s.ended) return SeatResult::Ended;
  if (s.locked) return SeatResult::Locked;
  if (s.players >= s.max_players) return SeatResult::Full;
  ++s.players;
  out = s;
  return SeatResult::Ok;
}

void SessionRegistry::release_seat(const std::string& public_id) {
  std::unique_lock lock(mu_);
  auto it = sessions_.find(public_id);
  if (it != sessions_.end() && it->second.players > 0) --it->second.players;
}

void SessionRegistry::set_locked(const std::string& public_id, bool locked) {
  std::unique_lock lock(mu_);
  auto it = sessions_.find(public_id);
  if (it != sessions_.end()) it->second.locked = locked;
}

void SessionRegistry::set_name(const std::string& public_id, std::string name) {
  std::unique_lock lock(mu_);
  auto it = sessions_.find(public_id);
  if (it != sessions_.end()) it->second.name = std::move(name);
}

void SessionRegistry::mark_ended(const std::string& public_id, std::int64_t ended_at) {
  std::unique_lock lock(mu_);
  auto it = sessions_.find(public_id);
  if (it == sessions_.end()) return;
  if (!it->second.code.empty()) codes_.erase(it->second.code);
  it->second.code.clear();
  it->second.ended = true;
  it->second.ended_at = ended_at;
}

void SessionRegistry::mark_purged(const std::string& public_id) {
  std::unique_lock lock(mu_);
  auto it = sessions_.find(public_id);
  if (it != sessions_.end()) it->second.raw_purged = true;
}

void SessionRegistry::add_player(const std::string& token_hash, PlayerRef ref) {
  std::unique_lock lock(mu_);
  players_[token_hash] = std::move(ref);
}

std::optional<PlayerRef> SessionRegistry::player(const std::string& token_hash) const {
  std::shared_lock lock(mu_);
  auto it = players_.find(token_hash);
  if (it == players_.end()) return std::nullopt;
  return it->second;
}

void SessionRegistry::remove_players_of(const std::string& public_id) {
  std::unique_lock lock(mu_);
  std::erase_if(players_, [&](const auto& kv) { return kv.second.session_public_id == public_id; });
}

std::size_t SessionRegistry::player_count() const {
  std::shared_lock lock(mu_);
  return players_.size();
}

}  // namespace upstander::server
