// Students: join with a code, fetch the content again, post events.
#include <nlohmann/json.hpp>

#include "classroom_service.hpp"
#include "event_ingest.hpp"
#include "event_validation.hpp"
#include "join_code.hpp"
#include "pseudonym.hpp"
#include "request_bodies.hpp"
#include "secure_random.hpp"
#include "server_log.hpp"
#include "sha256.hpp"
#include "upstander/protocol/event_message.hpp"
#include "upstander/protocol/join_message.hpp"
#include "upstander/protocol/session_message.hpp"

namespace upstander::server {

namespace {

// Half the class answers form A before play and B after, the other half the reverse, so
// that form and time are not confounded. Alternating by seat keeps any class within one.
SurveyOrder survey_order_for_seat(int seat) {
  return seat % 2 == 1 ? SurveyOrder::AB : SurveyOrder::BA;
}

std::string join_body(const SessionInfo& s, const std::string& token, const Pseudonym& pseudonym) {
  protocol::JoinAnswer a;
  a.session = s.public_id;
  a.token = token;
  a.pseudonym = to_wire(pseudonym);
  a.language = s.language;
  a.collect = s.collect;
  a.survey_order = survey_order_for_seat(s.players);  // s.players: this student's seat
  return protocol::encode_join_answer(a, s.content->wire_json());
}

// 51,840 names for at most a few hundred seats: a free one is found in a few draws; a
// session that somehow used them all gets a repeat rather than no name. nullopt: no
// random bytes.
std::optional<Pseudonym> draw_unique(SessionRegistry& registry, const std::string& public_id) {
  auto p = random_pseudonym();
  for (int i = 0; i < 1000 && p && !registry.claim_pseudonym(public_id, pseudonym_key(*p)); ++i)
    p = random_pseudonym();
  return p;
}

ApiResponse events_answer(const protocol::EventsAck& ack) {
  return ApiResponse{200, "application/json; charset=utf-8", protocol::encode_events_ack(ack), {}};
}

std::int64_t time_bucket(std::int64_t now, std::int64_t created_at) {
  constexpr std::int64_t kBucketSeconds = 300;  // coarse on purpose: no exact moment is kept
  return now > created_at ? (now - created_at) / kBucketSeconds : 0;
}

}  // namespace

ApiResponse ClassroomService::join(ApiRequest& req) {
  const double now = static_cast<double>(clock_());
  int retry_after = 60;
  if (!joins_.begin(req.remote_addr, now, retry_after)) {
    // Only this device's own wrong codes lead here; what others type never does.
    ApiResponse r = error_response(
        429, "too_many_wrong_codes",
        "several wrong codes were typed on this device; check the code with your teacher "
        "and try again in " +
            std::to_string(retry_after) + " seconds");
    r.headers.emplace_back("Retry-After", std::to_string(retry_after));
    return r;
  }
  auto typed = read_join_request(req.body);
  if (!typed) {
    joins_.succeeded(req.remote_addr, now);  // not a guess: nothing was checked
    return typed.error().response();
  }

  auto code = normalize_join_code(*typed);
  SessionInfo session;
  const SeatResult seat = code ? registry_.reserve_seat(*code, session) : SeatResult::UnknownCode;
  if (seat != SeatResult::UnknownCode && seat != SeatResult::Ended)
    joins_.succeeded(req.remote_addr, now);
  switch (seat) {
    case SeatResult::Ok: break;
    case SeatResult::UnknownCode:
    case SeatResult::Ended:
      return error_response(404, "unknown_code", "no open session has this code");
    case SeatResult::Locked:
      return error_response(403, "lobby_locked", "the teacher has locked this session");
    case SeatResult::Full:
      return error_response(409, "session_full", "this session has no seats left");
  }

  if (session.players == 1)
    log_event("session " + session.public_id + " started (first student joined)");
  const auto fresh_token = random_hex(16);  // 128 bits
  const auto pseudonym = fresh_token ? draw_unique(registry_, session.public_id) : std::nullopt;
  if (!pseudonym) {
    registry_.release_seat(session.public_id);
    return randomness_error();
  }
  const std::string& token = *fresh_token;
  const std::string token_hash = sha256(token);
  if (!session.collect) {
    // Data collection is off: the student plays with the content and nothing is stored,
    // not even that they joined (the seat count lives in memory only).
    registry_.add_player(token_hash, PlayerRef{0, session.public_id});
    return ApiResponse{
        200, "application/json; charset=utf-8", join_body(session, token, *pseudonym), {}};
  }
  std::int64_t player_id = 0;
  const DbStatus s = writer_.run(
      [&](Database& db) { return insert_player(db, session.db_id, token_hash, player_id); },
      [&] {
        registry_.add_player(token_hash, PlayerRef{player_id, session.public_id});
      });
  if (!s.ok()) {
    registry_.release_seat(session.public_id);
    return storage_error(s);
  }
  return ApiResponse{
      200, "application/json; charset=utf-8", join_body(session, token, *pseudonym), {}};
}

ApiResponse ClassroomService::student_content(ApiRequest& req) {
  auto session = registry_.find(req.player_session);
  if (!session) return error_response(410, "session_ended", "this session no longer exists");
  const protocol::ContentAnswer a{session->public_id, session->language, session->collect,
                                  session->ended};
  return ApiResponse{200,
                     "application/json; charset=utf-8",
                     protocol::encode_content_answer(a, session->content->wire_json()),
                     {}};
}

// A device with nothing to send asks every few seconds whether its session is still on, so a
// student learns at once that the teacher ended it.
ApiResponse ClassroomService::student_session(ApiRequest& req) {
  auto session = registry_.find(req.player_session);
  if (!session || session->ended)
    return error_response(410, "session_ended", "the teacher has ended this session");
  return ApiResponse{
      200, "application/json; charset=utf-8", protocol::encode_session_state(session->collect), {}};
}

ApiResponse ClassroomService::post_events(ApiRequest& req) {
  auto session = registry_.find(req.player_session);
  if (!session || session->ended) {
    return error_response(410, "session_ended",
                          "the teacher has ended this session; events are no longer taken");
  }
  auto read = read_event_batch(req.body, *session->content, options_.limits.max_events_per_batch);
  if (!read) return read.error().response();
  const std::vector<ClassEvent> events = std::move(*read);

  protocol::EventsAck ack;
  for (const auto& e : events) ack.acknowledged.push_back(e.client_id);
  if (!session->collect || req.player_id == 0) return events_answer(ack);
  IngestResult result;
  const std::int64_t bucket = time_bucket(clock_(), session->created_at);
  const std::int64_t player = req.player_id;
  const std::int64_t session_id = session->db_id;
  const DbStatus s = writer_.run([&](Database& db) {
    result = {};
    return ingest_events(db, session_id, player, bucket, events, result);
  });
  if (!s.ok()) return storage_error(s);
  // Every id is now committed, either by this request or an earlier one.
  ack.stored = static_cast<int>(result.stored);
  ack.duplicates = static_cast<int>(result.duplicates);
  ack.collected = true;
  return events_answer(ack);
}

}  // namespace upstander::server
