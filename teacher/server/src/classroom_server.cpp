// Wiring the server together: data folder, token, database, content, writer, readers,
// the API, HTTP, discovery, and the maintenance thread (checkpoints and retention).
#include "upstander/server/classroom_server.hpp"

#include <sys/stat.h>

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

  void maintenance_loop() {
    using namespace std::chrono;
    auto next_retention = steady_clock::now();
    std::unique_lock lock(mu);
    while (!stopping) {
      wake.wait_for(lock, seconds(2), [this] { return stopping; });
      if (stopping) break;
      lock.unlock();
      // Checkpoint here, off the request path: PASSIVE never blocks the writer.
      if (maintenance_db) maintenance_db->exec("PRAGMA wal_checkpoint(PASSIVE)");
      if (steady_clock::now() >= next_retention) {
        service->enforce_retention();
        next_retention = steady_clock::now() + minutes(1);
      }
      lock.lock();
    }
  }
};

ClassroomServer::ClassroomServer() : impl_(std::make_unique<Impl>()) {}

ClassroomServer::~ClassroomServer() { stop(); }

StartResult ClassroomServer::start(const ServerOptions& options) {
  Impl& m = *impl_;
  m.options = options;
  if (m.options.data_dir.empty()) m.options.data_dir = default_data_dir();
  if (!m.options.clock) m.options.clock = system_clock_seconds;
  std::string error;
  if (!prepare_data_folder(m.options.data_dir, error)) return m.fail(StartError::DataDir, error);
  if (!load_or_create_teacher_token(teacher_token_path(), m.token, error)) {
    return m.fail(StartError::TeacherToken, error);
  }
  m.db_path = database_path();

  // The writer owns the main connection; open, check and migrate it first.
  DbStatus st;
  auto db = Database::open(m.db_path, Database::Mode::ReadWrite, m.options.limits.busy_timeout_ms, st);
  if (!db) return m.fail(StartError::Database, "cannot open " + m.db_path + ": " + st.message);
  st = configure_writer(*db);
  if (st.ok()) st = check_integrity(*db);
  if (st.error == DbError::Corrupt) {
    return m.fail(StartError::CorruptDatabase, "the database " + m.db_path + " is damaged (" + st.message +
                                                   "); move it away to start with an empty one, or restore a backup");
  }
  if (st.ok()) st = migrate(*db);
  if (!st.ok()) return m.fail(StartError::Database, "cannot prepare " + m.db_path + ": " + st.message);
  // The -wal and -shm files take the main file's permissions.
  ::chmod(m.db_path.c_str(), 0600);
  if (m.options.limits.max_database_bytes > 0) {
    const auto page = db->query_int("PRAGMA page_size").value_or(4096);
    db->exec("PRAGMA max_page_count = " + std::to_string(std::max<std::int64_t>(1, m.options.limits.max_database_bytes / page)));
  }

  m.catalog.load_builtin(m.options.content_paths);
  if (m.catalog.list().empty()) {
    return m.fail(StartError::Content, "no scenario without errors was found in the content folder (run "
                                       "upstander-content check on it)");
  }
  if (!m.readers.open(m.db_path, 4, m.options.limits.busy_timeout_ms, st)) {
    return m.fail(StartError::Database, "cannot open readers on " + m.db_path + ": " + st.message);
  }
  auto maintenance = Database::open(m.db_path, Database::Mode::ReadWrite, m.options.limits.busy_timeout_ms, st);
  if (maintenance && configure_connection(*maintenance).ok()) m.maintenance_db = std::move(*maintenance);

  // The writer owns the main connection from here on; even the start-up reading of the
  // state runs as one of its jobs.
  m.writer = std::make_unique<StoreWriter>(std::move(*db), m.options.limits.writer_queue);
  m.service = std::make_unique<ClassroomService>(m.options, m.token, *m.writer, m.readers, m.catalog, m.registry,
                                                 m.settings);
  std::string problem;
  st = m.writer->run_alone([&](Database& wdb) { return m.service->load_state(wdb, problem); });
  if (!st.ok()) return m.fail(StartError::Database, "cannot read " + m.db_path + ": " + st.message);
  m.start_problems = problem;

  m.http = std::make_unique<HttpFrontend>(m.options, m.service->router(),
                                          [&m](ApiRequest& r) { return m.service->handle(r); });
  if (!m.http->bind(error)) return m.fail(StartError::Bind, error);
  if (m.options.discovery_port != 0 &&
      !m.discovery.start(m.options.bind_address, std::max(0, m.options.discovery_port), m.http->port(), error)) {
    return m.fail(StartError::Discovery, error);
  }
  m.http->start();
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

int ClassroomServer::port() const { return impl_->http ? impl_->http->port() : 0; }
int ClassroomServer::discovery_port() const { return impl_->discovery.port(); }
const std::string& ClassroomServer::teacher_token() const { return impl_->token; }
std::string ClassroomServer::teacher_token_path() const { return impl_->options.data_dir + "/teacher-token"; }
std::string ClassroomServer::database_path() const { return impl_->options.data_dir + "/classroom.sqlite"; }

void ClassroomServer::purge_expired_now() {
  if (impl_->service) impl_->service->enforce_retention();
}

}  // namespace upstander::server
