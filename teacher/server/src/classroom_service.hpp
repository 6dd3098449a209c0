// The API's behaviour, without HTTP: every endpoint of /api/v1, who may call it, and the
// state they share (sessions, content, the writer, readers, limits). The frontend hands
// it ApiRequests; tests can too.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "api_router.hpp"
#include "content_catalog.hpp"
#include "draft_folder.hpp"
#include "preview_shelf.hpp"
#include "rate_limiter.hpp"
#include "reader_pool.hpp"
#include "server_settings.hpp"
#include "session_registry.hpp"
#include "store_writer.hpp"
#include "strict_json.hpp"
#include "teacher_signin.hpp"
#include "upstander/server/server_options.hpp"

namespace upstander::server {

class AggregateTable;

// Author mode's drafts per server (a school's teachers share it) and the previews kept.
constexpr std::size_t kMaxDrafts = 200;
constexpr std::size_t kMaxPreviews = 16;
constexpr std::int64_t kPreviewSeconds = 3600;
struct SummaryInput;

class ClassroomService {
 public:
  ClassroomService(const ServerOptions& options, std::string teacher_token, StoreWriter& writer,
                   ReaderPool& readers, ContentCatalog& catalog, SessionRegistry& registry,
                   ServerSettings& settings);

  const ApiRouter& router() const { return router_; }
  ApiResponse handle(ApiRequest& req);

  // Start-up: packs and sessions (with their players) from the database. A pack or session
  // this version cannot offer is skipped, not an error: a line saying so is appended to
  // `skipped` (the start-up log's notes) and the rest loads.
  DbStatus load_state(Database& db, std::string& skipped);

  // Retention: ends sessions left open too long, purges raw data past retention. Returns
  // the number of sessions purged.
  int enforce_retention();

  std::int64_t now() const { return clock_(); }

  // A one-time sign-in token for the link `serve` prints (signin_endpoints.cpp).
  std::string new_signin_token() { return signin_.new_link_token(now()).value_or(""); }

 private:
  void add_routes();
  std::optional<ApiResponse> authorize(const Route& route, ApiRequest& req);

  // Student endpoints (student_endpoints.cpp)
  ApiResponse join(ApiRequest& req);
  ApiResponse student_content(ApiRequest& req);
  ApiResponse student_session(ApiRequest& req);
  ApiResponse post_events(ApiRequest& req);

  // Sessions (session_endpoints.cpp)
  ApiResponse create_session(ApiRequest& req);
  ApiResponse list_sessions(ApiRequest& req);
  ApiResponse get_session(ApiRequest& req);
  ApiResponse set_locked(ApiRequest& req, bool locked);
  ApiResponse rename_session(ApiRequest& req);
  ApiResponse end_session(ApiRequest& req);
  ApiResponse delete_session(ApiRequest& req);
  ApiResponse session_content(ApiRequest& req);

  // Results (results_endpoints.cpp)
  ApiResponse summary(ApiRequest& req);
  ApiResponse progress(ApiRequest& req);
  using AggregateBuilder = nlohmann::ordered_json (*)(const SummaryInput&, const AggregateTable&);
  ApiResponse aggregate_view(ApiRequest& req, AggregateBuilder build);
  ApiResponse export_results(ApiRequest& req);

  // Content and settings (content_endpoints.cpp, settings_endpoints.cpp)
  ApiResponse list_scenarios(ApiRequest& req);
  ApiResponse add_pack(ApiRequest& req);
  ApiResponse remove_pack(ApiRequest& req);
  ApiResponse get_settings(ApiRequest& req);
  ApiResponse put_settings(ApiRequest& req);
  ApiResponse health(ApiRequest& req);

  // Author mode's drafts and previews (draft_endpoints.cpp)
  ApiResponse list_drafts(ApiRequest& req);
  ApiResponse get_draft(ApiRequest& req);
  ApiResponse put_draft(ApiRequest& req, bool autosave);
  ApiResponse delete_draft(ApiRequest& req);
  ApiResponse post_preview(ApiRequest& req);
  ApiResponse get_preview(ApiRequest& req);
  Result<std::string, BodyError> draft_text(const ApiRequest& req) const;

  // A teacher's browser (signin_endpoints.cpp)
  ApiResponse signin_link(ApiRequest& req);
  ApiResponse signin_passphrase(ApiRequest& req);
  ApiResponse signin_csrf(ApiRequest& req);
  ApiResponse put_passphrase(ApiRequest& req);
  ApiResponse signout(ApiRequest& req);
  ApiResponse new_signin_link(ApiRequest& req);
  // The cookie's session for a request from this server's own pages: nullopt when it may
  // go on; else the refusal (cross_origin, not_signed_in, or bad_csrf when `need_csrf`).
  std::optional<ApiResponse> authorize_cookie(ApiRequest& req, bool need_csrf);

  // Shared helpers (classroom_service.cpp)
  nlohmann::ordered_json describe_session(const SessionInfo& s) const;
  std::optional<SessionInfo> session_param(const ApiRequest& req) const;
  // Shared with every session that serves the same files.
  StorageResult<std::shared_ptr<const SessionContent>> content_for(std::vector<ContentBlob> blobs);
  DbStatus purge_raw(const SessionInfo& s);
  // Inserts a new session with a fresh join code (drawn again if a concurrent create took it).
  // nullopt: no random bytes for the join code.
  std::optional<DbStatus> store_new_session(SessionInfo& s);
  DbStatus checkpoint_truncate();

 private:
  ServerOptions options_;
  Clock clock_;
  std::string teacher_token_;
  StoreWriter& writer_;
  ReaderPool& readers_;
  ContentCatalog& catalog_;
  SessionRegistry& registry_;
  ServerSettings& settings_;
  JoinGuard joins_;
  TeacherSignin signin_;
  DraftFolder drafts_;
  PreviewShelf previews_;
  ApiRouter router_;

  std::mutex content_mu_;
  std::unordered_map<std::string, std::weak_ptr<const SessionContent>> content_cache_;
};

// Maps a storage failure to the HTTP answer: 503 when busy, 507 when the disk is full,
// 500 otherwise.
ApiResponse storage_error(const DbStatus& s);
// 503: the system gave no random bytes for a token or id (protocol/random_id.hpp).
ApiResponse randomness_error();
// Bodyless endpoints accept nothing or an empty object.
std::optional<ApiResponse> expect_no_fields(const ApiRequest& req);

}  // namespace upstander::server
