// Routes, authorization and helpers shared by the endpoints.
#include "classroom_service.hpp"

#include <nlohmann/json.hpp>

#include "sha256.hpp"

namespace upstander::server {

ApiResponse storage_error(const DbStatus& s) {
  if (failed_with(s, DbError::Busy)) {
    ApiResponse r = error_response(503, "busy", "the server is busy; try again in a moment");
    r.headers.emplace_back("Retry-After", "1");
    return r;
  }
  if (failed_with(s, DbError::Full))
    return error_response(507, "storage_full", "the server's disk is full");
  if (failed_with(s, DbError::Io)) {
    // A failed write or sync: nothing of the request was committed, and the next try may
    // well succeed (the client keeps the events and sends them again).
    ApiResponse r = error_response(503, "storage_unavailable",
                                   "the server could not write to its disk; try again");
    r.headers.emplace_back("Retry-After", "2");
    return r;
  }
  return error_response(500, "storage_error", "the server could not store this");
}

ApiResponse randomness_error() {
  ApiResponse r =
      error_response(503, "no_randomness", "the server's system gave no random numbers; try again");
  r.headers.emplace_back("Retry-After", "1");
  return r;
}

std::optional<ApiResponse> expect_no_fields(const ApiRequest& req) {
  if (req.body.empty()) return std::nullopt;
  auto body = parse_object(req.body);
  if (!body) return body.error().response();
  FieldReader f(*body);
  if (auto done = f.finish(); !done) return done.error().response();
  return std::nullopt;
}

ClassroomService::ClassroomService(const ServerOptions& options, std::string teacher_token,
                                   StoreWriter& writer, ReaderPool& readers,
                                   ContentCatalog& catalog, SessionRegistry& registry,
                                   ServerSettings& settings)
    : options_(options),
      clock_(options.clock ? options.clock : Clock(system_clock_seconds)),
      teacher_token_(std::move(teacher_token)),
      writer_(writer),
      readers_(readers),
      catalog_(catalog),
      registry_(registry),
      settings_(settings),
      joins_(options.limits.wrong_joins_per_session_hour,
             options.limits.free_wrong_joins_per_address, options.limits.max_join_backoff_seconds,
             options.limits.tracked_addresses),
      signin_(options.data_dir + "/teacher-passphrase"),
      drafts_(options.data_dir + "/drafts", kMaxDrafts),
      previews_(kMaxPreviews, kPreviewSeconds) {
  add_routes();
}

void ClassroomService::add_routes() {
  const std::size_t small = 1024;
  const std::size_t body = options_.limits.max_body_bytes;
  const std::size_t pack = options_.limits.max_pack_bytes;
  auto bind = [this](ApiResponse (ClassroomService::*m)(ApiRequest&)) {
    return [this, m](ApiRequest& r) { return (this->*m)(r); };
  };
  auto& r = router_;
  r.add("GET", "/api/v1/health", Caller::Anyone, small, bind(&ClassroomService::health));
  r.add("POST", "/api/v1/join", Caller::Anyone, small, bind(&ClassroomService::join));
  r.add("GET", "/api/v1/student/content", Caller::Student, small,
        bind(&ClassroomService::student_content));
  r.add("GET", "/api/v1/student/session", Caller::Student, small,
        bind(&ClassroomService::student_session));
  r.add("POST", "/api/v1/student/events", Caller::Student, body,
        bind(&ClassroomService::post_events));

  r.add("GET", "/api/v1/teacher/sessions", Caller::Teacher, small,
        bind(&ClassroomService::list_sessions));
  r.add("POST", "/api/v1/teacher/sessions", Caller::Teacher, body,
        bind(&ClassroomService::create_session));
  r.add("GET", "/api/v1/teacher/sessions/{}", Caller::Teacher, small,
        bind(&ClassroomService::get_session));
  r.add("PATCH", "/api/v1/teacher/sessions/{}", Caller::Teacher, small,
        bind(&ClassroomService::rename_session));
  r.add("DELETE", "/api/v1/teacher/sessions/{}", Caller::Teacher, small,
        bind(&ClassroomService::delete_session));
  r.add("POST", "/api/v1/teacher/sessions/{}/lock", Caller::Teacher, small,
        [this](ApiRequest& q) { return set_locked(q, true); });
  r.add("POST", "/api/v1/teacher/sessions/{}/unlock", Caller::Teacher, small,
        [this](ApiRequest& q) { return set_locked(q, false); });
  r.add("POST", "/api/v1/teacher/sessions/{}/end", Caller::Teacher, small,
        bind(&ClassroomService::end_session));
  r.add("GET", "/api/v1/teacher/sessions/{}/content", Caller::Teacher, small,
        bind(&ClassroomService::session_content));
  r.add("GET", "/api/v1/teacher/sessions/{}/summary", Caller::Teacher, small,
        bind(&ClassroomService::summary));
  r.add("GET", "/api/v1/teacher/sessions/{}/progress", Caller::Teacher, small,
        bind(&ClassroomService::progress));
  r.add("GET", "/api/v1/teacher/sessions/{}/export", Caller::Teacher, small,
        bind(&ClassroomService::export_results));

  r.add("GET", "/api/v1/teacher/scenarios", Caller::Teacher, small,
        bind(&ClassroomService::list_scenarios));
  r.add("POST", "/api/v1/teacher/packs", Caller::Teacher, pack, bind(&ClassroomService::add_pack));
  r.add("DELETE", "/api/v1/teacher/packs/{}", Caller::Teacher, small,
        bind(&ClassroomService::remove_pack));
  r.add("GET", "/api/v1/teacher/settings", Caller::Teacher, small,
        bind(&ClassroomService::get_settings));
  r.add("PUT", "/api/v1/teacher/settings", Caller::Teacher, small,
        bind(&ClassroomService::put_settings));

  // Author mode in the browser: a draft's body is bounded like a pack's (the front reads
  // no body larger than that anyway).
  r.add("GET", "/api/v1/teacher/drafts", Caller::Teacher, small,
        bind(&ClassroomService::list_drafts));
  r.add("GET", "/api/v1/teacher/drafts/{}", Caller::Teacher, small,
        bind(&ClassroomService::get_draft));
  r.add("PUT", "/api/v1/teacher/drafts/{}", Caller::Teacher, pack,
        [this](ApiRequest& q) { return put_draft(q, false); });
  r.add("PUT", "/api/v1/teacher/drafts/{}/autosave", Caller::Teacher, pack,
        [this](ApiRequest& q) { return put_draft(q, true); });
  r.add("DELETE", "/api/v1/teacher/drafts/{}", Caller::Teacher, small,
        bind(&ClassroomService::delete_draft));
  r.add("POST", "/api/v1/teacher/previews", Caller::Teacher, pack,
        bind(&ClassroomService::post_preview));
  r.add("GET", "/api/v1/previews/{}", Caller::Anyone, small, bind(&ClassroomService::get_preview));

  // A teacher's browser: the sign-in routes check their own credentials (a link token, the
  // passphrase, the cookie); the others are teacher routes like any.
  r.add("GET", "/teacher/signin", Caller::Anyone, small, bind(&ClassroomService::signin_link));
  r.add("POST", "/api/v1/teacher/signin", Caller::Anyone, small + kMaxPassphraseBytes * 6,
        bind(&ClassroomService::signin_passphrase));
  r.add("GET", "/api/v1/teacher/csrf", Caller::Anyone, small, bind(&ClassroomService::signin_csrf));
  r.add("PUT", "/api/v1/teacher/passphrase", Caller::Teacher, small + kMaxPassphraseBytes * 6,
        bind(&ClassroomService::put_passphrase));
  r.add("POST", "/api/v1/teacher/signout", Caller::Teacher, small,
        bind(&ClassroomService::signout));
  r.add("POST", "/api/v1/teacher/signin-links", Caller::Teacher, small,
        bind(&ClassroomService::new_signin_link));
}

ApiResponse ClassroomService::handle(ApiRequest& req) {
  return router_.dispatch(
      req, [this](const Route& route, ApiRequest& r) { return authorize(route, r); });
}

namespace {
// "Bearer <token>" -> token; "" when absent or another scheme.
std::string bearer_token(const std::string& header) {
  constexpr std::string_view kScheme = "Bearer ";
  if (header.size() <= kScheme.size() || header.compare(0, kScheme.size(), kScheme) != 0) return {};
  return header.substr(kScheme.size());
}

ApiResponse unauthorized(std::string_view code, std::string_view message) {
  ApiResponse r = error_response(401, code, message);
  r.headers.emplace_back("WWW-Authenticate", "Bearer");
  return r;
}
}  // namespace

std::optional<ApiResponse> ClassroomService::authorize(const Route& route, ApiRequest& req) {
  if (route.caller == Caller::Anyone) return std::nullopt;
  const std::string token = bearer_token(req.authorization);
  if (route.caller == Caller::Teacher) {
    // A browser signed in with a link or the passphrase: from any machine, since either
    // proves the teacher (the link was shown on the server, the passphrase set by them).
    if (req.authorization.empty() && !cookie_value(req.cookie, kTeacherCookie).empty())
      return authorize_cookie(req, true);
    // Nothing to go on at all: the same answer from anywhere, so a signed-out browser on
    // another machine is told to sign in, not that remote dashboards are off.
    if (req.authorization.empty())
      return unauthorized("missing_token",
                          "this request needs the teacher token or a signed-in browser");
    if (!options_.allow_remote_teacher && !is_loopback_address(req.remote_addr)) {
      return error_response(
          403, "teacher_remote_disabled",
          "teacher requests are accepted only from this computer (start the server with "
          "--remote-teacher to allow a dashboard elsewhere)");
    }
    if (token.empty()) return unauthorized("missing_token", "this request needs the teacher token");
    if (equal_secrets(token, teacher_token_)) return std::nullopt;
    if (registry_.player(sha256(token))) {
      return error_response(403, "not_teacher",
                            "a student token cannot be used for teacher requests");
    }
    return unauthorized("invalid_token", "the teacher token is not right");
  }
  if (token.empty())
    return unauthorized("missing_token", "this request needs the player token from joining");
  auto player = registry_.player(sha256(token));
  if (!player)
    return unauthorized("invalid_token",
                        "this player token is not known (the session may be over)");
  req.player_id = player->player_id;
  req.player_session = player->session_public_id;
  return std::nullopt;
}

std::optional<SessionInfo> ClassroomService::session_param(const ApiRequest& req) const {
  if (req.path_params.empty()) return std::nullopt;
  return registry_.find(req.path_params[0]);
}

nlohmann::ordered_json ClassroomService::describe_session(const SessionInfo& s) const {
  nlohmann::ordered_json j;
  j["id"] = s.public_id;
  j["name"] = s.name;
  j["code"] = s.code.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.code);
  j["state"] = s.ended ? "ended" : s.locked ? "locked" : "open";
  j["language"] = s.language;
  j["k"] = s.k;
  j["collect"] = s.collect;
  j["max_players"] = s.max_players;
  j["players"] = s.players;
  nlohmann::ordered_json scenarios = nlohmann::ordered_json::array();
  for (const Scenario* sc : s.content->scenarios()) scenarios.push_back(sc->id);
  j["scenarios"] = std::move(scenarios);
  j["survey"] = s.content->survey() != nullptr;
  j["content_hash"] = s.content->hash();
  j["created_at"] = s.created_at;
  j["ended_at"] = s.ended ? nlohmann::ordered_json(s.ended_at) : nlohmann::ordered_json(nullptr);
  j["raw_data"] = s.raw_purged ? "purged" : "kept";
  const std::int64_t retention = settings_.get().retention_days;
  j["purge_at"] = s.ended && !s.raw_purged ? nlohmann::ordered_json(s.ended_at + retention * 86400)
                                           : nlohmann::ordered_json(nullptr);
  return j;
}

StorageResult<std::shared_ptr<const SessionContent>> ClassroomService::content_for(
    std::vector<ContentBlob> blobs) {
  const std::string hash = content_hash(blobs);
  std::lock_guard lock(content_mu_);
  if (auto it = content_cache_.find(hash); it != content_cache_.end()) {
    if (auto c = it->second.lock()) return c;
  }
  auto c = SessionContent::load(std::move(blobs));
  if (c) content_cache_[hash] = *c;
  return c;
}

}  // namespace upstander::server
