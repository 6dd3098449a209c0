// Fault injection for the store: a wrapping SQLite VFS fails the Nth write or sync, for
// every N of a 30-student run. The server must answer 503 for what it could not store,
// never acknowledge an event that is not in the file, keep the file intact, and go on.
// The same VFS plays a power cut: it keeps a copy of each file as of its last sync (what a
// disk holds for sure), and the test opens those copies as the machine would after the cut.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <mutex>
#include <set>
#include <string>

#include "server_test_support.hpp"

using namespace upstander;
using namespace upstander::test;

namespace {

std::atomic<long> g_calls{0};
std::atomic<long> g_fail_at{0};  // 0: never
sqlite3_vfs* g_base = nullptr;
// While set, every sync copies the synced file here: the folder is what survives a power cut.
std::mutex g_durable_mutex;
std::string g_durable_dir;

struct FaultFile {
  sqlite3_file base;
  sqlite3_file* real;
  const char* path;  // SQLite keeps the name valid until xClose; nullptr for temporary files
};

// The file as it is now (every write so far) becomes what the disk holds for sure.
void keep_synced_copy(const FaultFile* f) {
  std::lock_guard lock(g_durable_mutex);
  if (g_durable_dir.empty() || f->path == nullptr) return;
  const std::filesystem::path from(f->path);
  std::error_code ec;
  // Removed first: MinGW's libstdc++ (GCC 12) fails overwrite_existing when the copy exists.
  const std::filesystem::path to = std::filesystem::path(g_durable_dir) / from.filename();
  std::filesystem::remove(to, ec);
  std::filesystem::copy_file(from, to, ec);
}

sqlite3_file* real_of(sqlite3_file* f) {
  return reinterpret_cast<FaultFile*>(f)->real;
}

bool fault_now() {
  const long n = ++g_calls;
  const long at = g_fail_at.load();
  return at > 0 && n == at;
}

int f_close(sqlite3_file* f) {
  sqlite3_file* r = real_of(f);
  const int rc = r->pMethods ? r->pMethods->xClose(r) : SQLITE_OK;
  return rc;
}
int f_read(sqlite3_file* f, void* p, int n, sqlite3_int64 o) {
  return real_of(f)->pMethods->xRead(real_of(f), p, n, o);
}
int f_write(sqlite3_file* f, const void* p, int n, sqlite3_int64 o) {
  if (fault_now()) return SQLITE_IOERR_WRITE;
  return real_of(f)->pMethods->xWrite(real_of(f), p, n, o);
}
int f_truncate(sqlite3_file* f, sqlite3_int64 s) {
  return real_of(f)->pMethods->xTruncate(real_of(f), s);
}
int f_sync(sqlite3_file* f, int flags) {
  if (fault_now()) return SQLITE_IOERR_FSYNC;
  const int rc = real_of(f)->pMethods->xSync(real_of(f), flags);
  if (rc == SQLITE_OK) keep_synced_copy(reinterpret_cast<FaultFile*>(f));
  return rc;
}
int f_size(sqlite3_file* f, sqlite3_int64* s) {
  return real_of(f)->pMethods->xFileSize(real_of(f), s);
}
int f_lock(sqlite3_file* f, int l) {
  return real_of(f)->pMethods->xLock(real_of(f), l);
}
int f_unlock(sqlite3_file* f, int l) {
  return real_of(f)->pMethods->xUnlock(real_of(f), l);
}
int f_check(sqlite3_file* f, int* o) {
  return real_of(f)->pMethods->xCheckReservedLock(real_of(f), o);
}
int f_control(sqlite3_file* f, int op, void* a) {
  return real_of(f)->pMethods->xFileControl(real_of(f), op, a);
}
int f_sector(sqlite3_file* f) {
  return real_of(f)->pMethods->xSectorSize(real_of(f));
}
int f_chars(sqlite3_file* f) {
  return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f));
}
int f_shm_map(sqlite3_file* f, int i, int sz, int ext, void volatile** pp) {
  return real_of(f)->pMethods->xShmMap(real_of(f), i, sz, ext, pp);
}
int f_shm_lock(sqlite3_file* f, int o, int n, int fl) {
  return real_of(f)->pMethods->xShmLock(real_of(f), o, n, fl);
}
void f_shm_barrier(sqlite3_file* f) {
  real_of(f)->pMethods->xShmBarrier(real_of(f));
}
int f_shm_unmap(sqlite3_file* f, int d) {
  return real_of(f)->pMethods->xShmUnmap(real_of(f), d);
}
int f_fetch(sqlite3_file* f, sqlite3_int64 o, int n, void** pp) {
  return real_of(f)->pMethods->xFetch(real_of(f), o, n, pp);
}
int f_unfetch(sqlite3_file* f, sqlite3_int64 o, void* p) {
  return real_of(f)->pMethods->xUnfetch(real_of(f), o, p);
}

const sqlite3_io_methods kMethods = {
    3,          f_close,       f_read,      f_write,   f_truncate, f_sync,  f_size,
    f_lock,     f_unlock,      f_check,     f_control, f_sector,   f_chars, f_shm_map,
    f_shm_lock, f_shm_barrier, f_shm_unmap, f_fetch,   f_unfetch};

int v_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* out) {
  auto* ff = reinterpret_cast<FaultFile*>(f);
  ff->real = reinterpret_cast<sqlite3_file*>(ff + 1);
  ff->path = name;
  ff->base.pMethods = nullptr;
  const int rc = g_base->xOpen(g_base, name, ff->real, flags, out);
  if (ff->real->pMethods != nullptr) ff->base.pMethods = &kMethods;
  return rc;
}
int v_delete(sqlite3_vfs*, const char* n, int s) {
  const int rc = g_base->xDelete(g_base, n, s);
  // A deleted journal is gone after the cut too (SQLite syncs the folder when it matters).
  std::lock_guard lock(g_durable_mutex);
  if (rc == SQLITE_OK && !g_durable_dir.empty() && n != nullptr) {
    std::error_code ec;
    std::filesystem::remove(
        std::filesystem::path(g_durable_dir) / std::filesystem::path(n).filename(), ec);
  }
  return rc;
}
int v_access(sqlite3_vfs*, const char* n, int fl, int* o) {
  return g_base->xAccess(g_base, n, fl, o);
}
int v_full(sqlite3_vfs*, const char* n, int sz, char* o) {
  return g_base->xFullPathname(g_base, n, sz, o);
}
void* v_dlopen(sqlite3_vfs*, const char* n) {
  return g_base->xDlOpen(g_base, n);
}
void v_dlerror(sqlite3_vfs*, int n, char* o) {
  g_base->xDlError(g_base, n, o);
}
void (*v_dlsym(sqlite3_vfs*, void* h, const char* s))(void) {
  return g_base->xDlSym(g_base, h, s);
}
void v_dlclose(sqlite3_vfs*, void* h) {
  g_base->xDlClose(g_base, h);
}
int v_random(sqlite3_vfs*, int n, char* o) {
  return g_base->xRandomness(g_base, n, o);
}
int v_sleep(sqlite3_vfs*, int us) {
  return g_base->xSleep(g_base, us);
}
int v_time(sqlite3_vfs*, double* t) {
  return g_base->xCurrentTime(g_base, t);
}
int v_error(sqlite3_vfs*, int n, char* o) {
  return g_base->xGetLastError(g_base, n, o);
}
int v_time64(sqlite3_vfs*, sqlite3_int64* t) {
  return g_base->xCurrentTimeInt64(g_base, t);
}

// Installed as the default VFS once, so the server's connections use it unchanged.
void install_fault_vfs() {
  static sqlite3_vfs vfs;
  if (g_base != nullptr) return;
  g_base = sqlite3_vfs_find(nullptr);
  REQUIRE(g_base != nullptr);
  vfs = {};
  vfs.iVersion = 2;
  vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_base->szOsFile;
  vfs.mxPathname = g_base->mxPathname;
  vfs.zName = "upstander-fault";
  vfs.xOpen = v_open;
  vfs.xDelete = v_delete;
  vfs.xAccess = v_access;
  vfs.xFullPathname = v_full;
  vfs.xDlOpen = v_dlopen;
  vfs.xDlError = v_dlerror;
  vfs.xDlSym = v_dlsym;
  vfs.xDlClose = v_dlclose;
  vfs.xRandomness = v_random;
  vfs.xSleep = v_sleep;
  vfs.xCurrentTime = v_time;
  vfs.xGetLastError = v_error;
  vfs.xCurrentTimeInt64 = v_time64;
  REQUIRE(sqlite3_vfs_register(&vfs, 1) == SQLITE_OK);
}

std::string batch_of(int student, std::set<std::string>& ids) {
  std::string body = "{\"events\":[";
  const char* events[] = {
      R"("type":"scenario_started","scenario":"feature-tour"})",
      R"("type":"node_entered","scenario":"feature-tour","node":"saturday"})",
      R"("type":"choice_made","scenario":"feature-tour","node":"ask-share","choice":"say-yes"})"};
  for (int i = 0; i < 3; ++i) {
    const std::string id =
        hex_id(static_cast<std::uint64_t>(student) * 16 + static_cast<std::uint64_t>(i));
    ids.insert(id);
    body += std::string(i ? "," : "") + "{\"id\":\"" + id + "\",\"ord\":" + std::to_string(i + 1) +
            "," + events[i];
  }
  return body + "]}";
}

struct RunResult {
  long calls = 0;
  int failed = 0;  // 503 answers
  bool only_200_or_503 = true;
  std::set<std::string> acknowledged;
};

// 30 students join and post one batch each with the Nth write or sync failing.
// `power_cut` runs after the last acknowledged post and before the server stops.
RunResult class_run(const std::string& data_dir, long fail_at,
                    const std::function<void()>& power_cut = {}) {
  TestClock clock;
  RunResult out;
  TestServer srv(data_dir, clock);
  const auto session = srv.create_session({{"scenarios", {"feature-tour"}}, {"language", "en"}});
  const std::string join = nlohmann::json{{"code", session["code"]}}.dump();
  const Http http = srv.http();
  g_calls = 0;
  g_fail_at = fail_at;
  std::string last_token;
  for (int s = 0; s < 30; ++s) {
    const HttpResult j = http.post("/api/v1/join", join);
    out.failed += j.status == 503;
    out.only_200_or_503 = out.only_200_or_503 && (j.status == 200 || j.status == 503);
    if (j.status != 200) continue;
    last_token = j.json()["token"];
    std::set<std::string> ids;
    const HttpResult r = http.post("/api/v1/student/events", batch_of(s, ids), last_token);
    out.failed += r.status == 503;
    out.only_200_or_503 = out.only_200_or_503 && (r.status == 200 || r.status == 503);
    if (r.status == 200) out.acknowledged.insert(ids.begin(), ids.end());
  }
  out.calls = g_calls.load();
  g_fail_at = 0;
  // It recovers without a restart: the next post is stored.
  if (!last_token.empty()) {
    std::set<std::string> ids;
    const HttpResult r = http.post("/api/v1/student/events", batch_of(99, ids), last_token);
    CHECK(r.status == 200);
    if (r.status == 200) out.acknowledged.insert(ids.begin(), ids.end());
  }
  if (power_cut) power_cut();
  srv.stop();
  return out;
}

std::set<std::string> stored_ids(const std::string& data_dir, std::string& integrity) {
  std::set<std::string> ids;
  sqlite3* db = nullptr;
  // Read-write: a copy left by a power cut has a WAL but no -shm, which read-only cannot open.
  REQUIRE(sqlite3_open_v2((data_dir + "/classroom.sqlite").c_str(), &db, SQLITE_OPEN_READWRITE,
                          nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW)
    integrity += reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_prepare_v2(db, "SELECT client_id FROM events", -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW)
    ids.insert(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return ids;
}

}  // namespace

TEST_CASE("a write or sync failing at the Nth call never loses an acknowledged event") {
  install_fault_vfs();
  long total = 0;
  {
    TempDir dir;
    const RunResult clean = class_run(dir.path(), 0);
    total = clean.calls;
    CHECK(clean.failed == 0);
    CHECK(clean.acknowledged.size() == 31 * 3);
  }
  REQUIRE(total > 30);
  // Every N with UPSTANDER_FAULT_EVERY_N=1 (the full sweep); else a spread of 40 Ns.
  const bool every = std::getenv("UPSTANDER_FAULT_EVERY_N") != nullptr;
  const long step = every ? 1 : std::max<long>(1, total / 40);
  int runs = 0, with_503 = 0;
  for (long n = 1; n <= total; n += step) {
    TempDir dir;
    const RunResult r = class_run(dir.path(), n);
    ++runs;
    with_503 += r.failed > 0;
    CHECK_MESSAGE(r.only_200_or_503, "N=", n);
    std::string integrity;
    const std::set<std::string> stored = stored_ids(dir.path(), integrity);
    CHECK_MESSAGE(integrity == "ok", "N=", n);
    for (const auto& id : r.acknowledged)
      CHECK_MESSAGE(stored.count(id) == 1, "N=", n, " lost ", id);
    // And it starts again on the same file.
    TestClock clock;
    TestServer again(dir.path(), clock);
    CHECK(again.http().get("/api/v1/health").status == 200);
  }
  MESSAGE("fault runs: ", runs, " of ", total, " write/sync calls; runs with a 503: ", with_503);
  CHECK(with_503 > 0);
}

// synchronous=NORMAL in WAL mode does not sync the WAL at each commit, so a power cut can
// take the last acknowledged events with it; FULL syncs before the server answers. The disk
// after the cut is modelled as each file at its last sync (the worst a disk may do).
TEST_CASE("an acknowledged event survives a power cut: every one is in what was synced") {
  install_fault_vfs();
  TempDir dir, durable, after_cut;
  {
    std::lock_guard lock(g_durable_mutex);
    g_durable_dir = durable.path();
  }
  const RunResult r = class_run(dir.path(), 0, [&] {
    std::lock_guard lock(g_durable_mutex);
    // Into a fresh folder: MinGW's libstdc++ (GCC 12) refuses to copy onto existing files.
    std::filesystem::remove_all(after_cut.path());
    std::filesystem::copy(durable.path(), after_cut.path(),
                          std::filesystem::copy_options::recursive);
    g_durable_dir.clear();
  });
  REQUIRE(r.acknowledged.size() == 31 * 3);  // 30 students and one more post, all before the cut
  REQUIRE(std::filesystem::exists(std::filesystem::path(after_cut.path()) / "classroom.sqlite"));
  std::string integrity;
  const std::set<std::string> stored = stored_ids(after_cut.path(), integrity);
  CHECK(integrity == "ok");
  std::size_t lost = 0;
  for (const auto& id : r.acknowledged) lost += stored.count(id) == 0;
  CHECK_MESSAGE(lost == 0, lost, " of ", r.acknowledged.size(), " acknowledged events lost");
}
