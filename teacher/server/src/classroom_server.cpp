// Wiring the server together: data folder, token, database, content, writer, readers,
// the API, HTTP, discovery, and the maintenance thread (checkpoints and retention).
#include "upstander/server/classroom_server.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "classroom_service.hpp"
#include "data_folder.hpp"
#include "discovery_responder.hpp"
#include "http_frontend.hpp"
#include "schema.hpp"

namespace upstander::server {

std::int64_t system_clock_seconds() {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::string_view name_of(StartError e) {
  switch (e) {
    case StartError::None: return "none";
    case StartError::DataDir: return "data_dir";
    case StartError::TeacherToken: return "teacher_token";
    case StartError::Database: return "database";
    case StartError::CorruptDatabase: return "corrupt_database";
    case StartError::Content: return "content";
    case StartError::Bind: return "bind";
    case StartError::Discovery: return "discovery";
  }
  return "?";
}

struct ClassroomServer::Impl {
  ServerOptions options;
  std::string token;
  std::string db_path;
  std::unique_ptr<StoreWriter> writer;
  ReaderPool readers;
  ContentCatalog catalog;
  SessionRegistry registry;
  ServerSettings settings;
  std::unique_ptr<ClassroomService> service;
  std::unique_ptr<HttpFrontend> http;
  DiscoveryResponder discovery;
  std::optional<Database> maintenance_db;
  std::string start_problems;

  std::mutex mu;
  std::condition_variable wake;
  bool stopping = false;
  bool stopped = false;
  std::thread maintenance;

  StartResult fail(StartError e, std::string message) { return {e, std::move(message)}; }

  // The main connection: opened, checked for damage, migrated. The writer owns it later.
  StartResult open_database(std::optional<Database>& db) {
    create_private_file(db_path);
    auto opened =
        Database::open(db_path, Database::Mode::ReadWrite, options.limits.busy_timeout_ms);
    if (!opened)
      return fail(StartError::Database, "cannot open " + db_path + ": " + opened.error().message);
    db = std::move(*opened);
    DbStatus st = configure_writer(*db);
    if (st.ok()) st = check_integrity(*db);
    if (failed_with(st, DbError::Corrupt)) {
      return fail(StartError::CorruptDatabase,
                  "the database " + db_path + " is damaged (" + st.error().message +
                      "); move it away to start with an empty one, or restore a backup");
    }
    if (st.ok()) st = migrate(*db);
    if (!st.ok())
      return fail(StartError::Database, "cannot prepare " + db_path + ": " + st.error().message);
    // SQLite gives the -wal and -shm files the main file's permissions; files left by an
    // older version (created 0644) are narrowed too.
    for (const char* suffix : {"", "-wal", "-shm"}) make_file_private(db_path + suffix);
    if (options.limits.max_database_bytes > 0) {
      const auto page = db->query_int("PRAGMA page_size").value_or(4096);
      // Best effort: without the cap a full disk still answers "storage_full".
      (void)db->exec(
          "PRAGMA max_page_count = " +
          std::to_string(std::max<std::int64_t>(1, options.limits.max_database_bytes / page)));
    }
    return {};
  }

  // Readers, the writer (which then owns `db`), the service, and the state it rebuilds.
  StartResult start_store(Database db) {
    DbStatus st = readers.open(db_path, 4, options.limits.busy_timeout_ms);
    if (!st.ok()) {
      return fail(StartError::Database,
                  "cannot open readers on " + db_path + ": " + st.error().message);
    }
    auto m = Database::open(db_path, Database::Mode::ReadWrite, options.limits.busy_timeout_ms);
    if (m && configure_connection(*m).ok()) maintenance_db = std::move(*m);
    writer = std::make_unique<StoreWriter>(std::move(db), options.limits.writer_queue);
    service = std::make_unique<ClassroomService>(options, token, *writer, readers, catalog,
                                                 registry, settings);
    // Even the start-up reading runs as a writer job: one thread owns the main connection.
    st = writer->run_alone(
        [this](Database& wdb) { return service->load_state(wdb, start_problems); });
    if (!st.ok())
      return fail(StartError::Database, "cannot read " + db_path + ": " + st.error().message);
    if (options.retention_days || options.default_k) {
      SettingsValues v = settings.get();
      v.retention_days = options.retention_days.value_or(v.retention_days);
      v.default_k = options.default_k.value_or(v.default_k);
      st = writer->run_alone([&v](Database& wdb) { return ServerSettings::save(wdb, v); });
      if (!st.ok())
        return fail(StartError::Database,
                    "cannot save the settings in " + db_path + ": " + st.error().message);
      settings.set(v);
    }
    return {};
  }

  StartResult start_network() {
    http = std::make_unique<HttpFrontend>(options, service->router(),
                                          [this](ApiRequest& r) { return service->handle(r); });
    if (auto bound = http->bind(); !bound) return fail(StartError::Bind, bound.error().message);
    if (options.discovery_port != 0) {
      auto listening =
          discovery.start(options.bind_address, std::max(0, options.discovery_port), http->port());
      if (!listening) return fail(StartError::Discovery, listening.error().message);
    }
    http->start();
    return {};
  }

  void maintenance_loop() {
    using namespace std::chrono;
    auto next_retention = steady_clock::now();
    std::unique_lock lock(mu);
    while (!stopping) {
      wake.wait_for(lock, seconds(2), [this] { return stopping; });
      if (stopping) break;
      lock.unlock();
      // Checkpoint here, off the request path: PASSIVE never blocks the writer.
      if (maintenance_db)
        (void)maintenance_db->exec("PRAGMA wal_checkpoint(PASSIVE)");  // retried next round
      if (steady_clock::now() >= next_retention) {
        service->enforce_retention();
        next_retention = steady_clock::now() + minutes(1);
      }
      lock.lock();
    }
  }
};

Result<std::string, FolderError> default_data_dir() {
  const auto dir = user_folder(Program::Teacher, FolderKind::Data);
  if (!dir) return fail(dir.error());
  return dir->string();
}

ClassroomServer::ClassroomServer() : impl_(std::make_unique<Impl>()) {}

ClassroomServer::~ClassroomServer() {
  stop();
}

StartResult ClassroomServer::start(const ServerOptions& options) {
  Impl& m = *impl_;
  m.options = options;
  if (m.options.data_dir.empty()) {
    const auto dir = default_data_dir();
    if (!dir) return m.fail(StartError::DataDir, folder_error_text(dir.error(), FolderKind::Data));
    m.options.data_dir = *dir;
  }
  if (!m.options.clock) m.options.clock = system_clock_seconds;
  m.db_path = database_path();
  if (const auto folder = prepare_data_folder(m.options.data_dir); !folder)
    return m.fail(StartError::DataDir, folder.error().message);
  const auto token = load_or_create_teacher_token(teacher_token_path());
  if (!token) return m.fail(StartError::TeacherToken, token.error().message);
  m.token = *token;
  std::optional<Database> db;
  if (StartResult r = m.open_database(db); !r.ok()) return r;
  m.catalog.load_builtin(m.options.content_paths);
  if (m.catalog.list().empty()) {
    return m.fail(StartError::Content,
                  "no scenario without errors was found in the content folder (run "
                  "upstander-content check on it)");
  }
  if (StartResult r = m.start_store(std::move(*db)); !r.ok()) return r;
  if (StartResult r = m.start_network(); !r.ok()) return r;
  m.maintenance = std::thread([&m] { m.maintenance_loop(); });
  return {StartError::None, m.start_problems};
}

void ClassroomServer::stop() {
  Impl& m = *impl_;
  {
    std::lock_guard lock(m.mu);
    if (m.stopped) return;
    m.stopping = true;
  }
  m.wake.notify_all();
  if (m.http) m.http->stop();
  m.discovery.stop();
  if (m.maintenance.joinable()) m.maintenance.join();
  if (m.writer) m.writer->stop();
  {
    std::lock_guard lock(m.mu);
    m.stopped = true;
  }
  m.wake.notify_all();
}

void ClassroomServer::wait() {
  Impl& m = *impl_;
  std::unique_lock lock(m.mu);
  m.wake.wait(lock, [&m] { return m.stopped; });
}

int ClassroomServer::port() const {
  return impl_->http ? impl_->http->port() : 0;
}
std::string ClassroomServer::web_root() const {
  return impl_->http ? impl_->http->web_root() : std::string();
}
int ClassroomServer::discovery_port() const {
  return impl_->discovery.port();
}
const std::string& ClassroomServer::teacher_token() const {
  return impl_->token;
}
std::string ClassroomServer::teacher_token_path() const {
  return impl_->options.data_dir + "/teacher-token";
}
std::string ClassroomServer::database_path() const {
  return impl_->options.data_dir + "/classroom.sqlite";
}

std::string ClassroomServer::new_signin_token() {
  return impl_->service ? impl_->service->new_signin_token() : std::string();
}

std::vector<ApiRouteInfo> ClassroomServer::api_routes() const {
  std::vector<ApiRouteInfo> out;
  if (!impl_->service) return out;
  for (const Route& r : impl_->service->router().routes()) {
    std::string pattern;
    for (const auto& s : r.segments) pattern += "/" + s;
    out.push_back({r.method, pattern,
                   r.caller == Caller::Teacher   ? "teacher"
                   : r.caller == Caller::Student ? "student"
                                                 : "anyone"});
  }
  return out;
}

void ClassroomServer::purge_expired_now() {
  if (impl_->service) impl_->service->enforce_retention();
}

}  // namespace upstander::server
