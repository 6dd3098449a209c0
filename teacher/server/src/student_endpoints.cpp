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

namespace upstander::server {

namespace {

// The join answer with the session's content spliced in as already serialized JSON: the
// content is the bulk of the answer and is the same for every student of a session.
// Half the class answers form A before play and B after, the other half the reverse, so
// that form and time are not confounded. Alternating by seat keeps any class within one.
std::string_view survey_order_for_seat(int seat) { return seat % 2 == 1 ? "AB" : "BA"; }

std::string join_body(const SessionInfo& s, const std::string& token, const Pseudonym& pseudonym) {
  nlohmann::json head;
  head["session"] = s.public_id;
  head["token"] = token;
  head["pseudonym"] = to_json(pseudonym);
  head["language"] = s.language;
  head["collect"] = s.collect;
  head["survey_order"] = survey_order_for_seat(s.players);  // s.players: this student's seat
  std::string body = head.dump();
  body.pop_back();  // the closing brace
  body += ",\"content\":" + s.content->wire_json() + "}";
  return body;
}

// 51,840 names for at most a few hundred seats: a free one is found in a few draws; a
// session that somehow used them all gets a repeat rather than no name.
Pseudonym draw_unique(SessionRegistry& registry, const std::string& public_id) {
  Pseudonym p = random_pseudonym();
  for (int i = 0; i < 1000 && !registry.claim_pseudonym(public_id, pseudonym_key(p)); ++i)
    p = random_pseudonym();
  return p;
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
  BodyError error;
  auto typed = read_join_request(req.body, error);
  if (!typed) {
    joins_.succeeded(req.remote_addr, now);  // not a guess: nothing was checked
    return error.response();
  }

  auto code = normalize_join_code(*typed);
  SessionInfo session;
  const SeatResult seat = code ? registry_.reserve_seat(*code, session) : SeatResult::UnknownCode;
  if (seat != SeatResult::UnknownCode && seat != SeatResult::Ended)
    joins_.succeeded(req.remote_addr, now);
  switch (seat) {
    case SeatResult::Ok:
      break;
    case SeatResult::UnknownCode:
    case SeatResult::Ended:
      return error_response(404, "unknown_code", "no open session has this code");
    case SeatResult::Locked:
      return error_response(403, "lobby_locked", "the teacher has locked this session");
    case SeatResult::Full:
      return error_response(409, "session_full", "this session has no seats left");
  }

  if (session.players == 1) log_event("session " + session.public_id + " started (first student joined)");
  const std::string token = random_hex(16);  // 128 bits
  const Pseudonym pseudonym = draw_unique(registry_, session.public_id);
  const std::string token_hash = sha256(token);
  if (!session.collect) {
    // Data collection is off: the student plays with the content and nothing is stored,
    // not even that they joined (the seat count lives in memory only).
    registry_.add_player(token_hash, PlayerRef{0, session.public_id});
    return ApiResponse{
        200, "application/json; charset=utf-8", join_body(session, token, pseudonym), {}};
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
      200, "application/json; charset=utf-8", join_body(session, token, pseudonym), {}};
}

ApiResponse ClassroomService::student_content(ApiRequest& req) {
  auto session = registry_.find(req.player_session);
  if (!session) return error_response(410, "session_ended", "this session no longer exists");
  nlohmann::json head;
  head["session"] = session->public_id;
  head["language"] = session->language;
  head["collect"] = session->collect;
  head["ended"] = session->ended;
  std::string body = head.dump();
  body.pop_back();
  body += ",\"content\":" + session->content->wire_json() + "}";
  return ApiResponse{200, "application/json; charset=utf-8", std::move(body), {}};
}

// A device with nothing to send asks every few seconds whether its session is still on, so a
// student learns at once that the teacher ended it.
ApiResponse ClassroomService::student_session(ApiRequest& req) {
  auto session = registry_.find(req.player_session);
  if (!session || session->ended)
    return error_response(410, "session_ended", "the teacher has ended this session");
  return json_response(200, nlohmann::json{{"state", "open"}, {"collect", session->collect}});
}

ApiResponse ClassroomService::post_events(ApiRequest& req) {
  auto session = registry_.find(req.player_session);
  if (!session || session->ended) {
    return error_response(410, "session_ended",
                          "the teacher has ended this session; events are no longer taken");
  }
  BodyError error;
  std::vector<ClassEvent> events =
      read_event_batch(req.body, *session->content, options_.limits.max_events_per_batch, error);
  if (!error.code.empty()) return error.response();

  nlohmann::json ids = nlohmann::json::array();
  for (const auto& e : events) ids.push_back(e.client_id);
  if (!session->collect || req.player_id == 0) {
    return json_response(200, nlohmann::json{{"acknowledged", std::move(ids)},
                                             {"stored", 0},
                                             {"duplicates", 0},
                                             {"collected", false}});
  }
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
  return json_response(200, nlohmann::json{{"acknowledged", std::move(ids)},
                                           {"stored", result.stored},
                                           {"duplicates", result.duplicates},
                                           {"collected", true}});
}

}  // namespace upstander::server
