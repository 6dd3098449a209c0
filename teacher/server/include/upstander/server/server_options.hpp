// Everything the classroom server can be told at start: where it listens and keeps data,
// which content it offers, and the limits that keep one class (or an attacker) from
// starving the others.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "upstander/user_folders.hpp"

namespace upstander::server {

// Seconds since the Unix epoch. Tests replace it to make retention days pass in a moment.
using Clock = std::function<std::int64_t()>;
std::int64_t system_clock_seconds();

// The ranges the settings (the API's and serve.conf's) accept.
inline constexpr int kRetentionDaysMax = 30;
inline constexpr int kSettingsMinK = 3;
inline constexpr int kSettingsMaxK = 100;

struct ServerLimits {
  // HTTP worker threads. A worker gets a request only once it has arrived whole (the
  // front reads it first), so 64 serve thousands of students and a slow connection
  // never holds one.
  std::size_t worker_threads = 64;
  int listen_backlog = 1024;
  // A request's head and body must arrive within this many seconds of its first byte (or
  // of the connection being accepted): a deadline for the whole request, not per read.
  int request_seconds = 10;
  int write_timeout_seconds = 5;
  // An idle keep-alive connection is closed after this long without a new request.
  int keep_alive_seconds = 2;
  std::size_t keep_alive_requests = 20;
  // Open connections per client address and in total; beyond them a new connection is
  // answered 503 and closed at once.
  std::size_t connections_per_address = 16;
  std::size_t max_connections = 512;
  // Request line and headers together, and the number of header lines (431 beyond).
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_header_count = 64;

  std::size_t max_body_bytes = 256 * 1024;       // student and session requests
  std::size_t max_pack_bytes = 4 * 1024 * 1024;  // a scenario pack a teacher adds
  std::size_t max_events_per_batch = 500;

  // Requests per address: a token bucket refilled at `rate` per second up to `burst`.
  double address_rate = 20.0;
  double address_burst = 60.0;
  // The same for the web game's files, counted apart from the API: a class loading the
  // page at once from one address (a school's NAT) must not be refused, and the page's
  // few files must not eat into the students' API budget.
  double static_rate = 200.0;
  double static_burst = 600.0;
  // Wrong join codes. Per session: at most `wrong_joins_per_session_hour` in any sliding
  // hour reach the code check (a 6-character code then holds for years). Per address: a
  // few free tries, then a wait that doubles with each further wrong code. The hourly
  // bound is what keeps a code safe; the per-address wait only spreads a guesser's share of
  // it, so it is kind to a class behind one shared address (issue 15: ten mistyped codes
  // locked such a class out): 20 free, then at most a minute.
  int wrong_joins_per_session_hour = 500;
  int free_wrong_joins_per_address = 20;
  int max_join_backoff_seconds = 60;
  std::size_t tracked_addresses = 65536;  // bounded memory for the two tables above

  // Write jobs waiting for the database writer; beyond it requests get 503.
  std::size_t writer_queue = 8192;
  int busy_timeout_ms = 5000;
  // A cap on the database file (0: none), so a flood cannot fill the teacher's disk;
  // beyond it writes answer 507 and reads go on.
  std::int64_t max_database_bytes = 0;
};

struct ServerOptions {
  std::string bind_address = "0.0.0.0";
  int port = 8080;       // 0 picks a free port (tests)
  std::string data_dir;  // empty: default_data_dir()
  // Content files and folders (scenarios, the survey). Packs added by teachers are kept
  // in the database and need no folder.
  std::vector<std::string> content_paths;
  // Teacher endpoints answer only requests from this machine unless this is set, so a
  // school can put the server on another machine and the dashboard elsewhere.
  bool allow_remote_teacher = false;
  // Host names (besides IP literals and "localhost") a request may name in its Host
  // header; anything else is refused to defeat DNS rebinding.
  std::vector<std::string> allowed_hosts;
  // Browser origins allowed to call the API (none by default: no CORS at all).
  std::vector<std::string> allowed_origins;
  // UDP port answering students' "is there a classroom server?" broadcast; 0 = off,
  // -1 = any free port (tests read it back with ClassroomServer::discovery_port()).
  int discovery_port = 0;
  // The student game's web bundle, served at /. Empty: next to the executable (web/) or
  // build-web/bundle in a folder above it; when none is found, / says how to build it.
  std::string web_root;
  // The administrator's settings (serve.conf, --retention-days, --k): written to the
  // settings at every start, so they hold after a restart; the dashboard may change them
  // until the next one. Unset: the stored settings stay.
  std::optional<int> retention_days;
  std::optional<int> default_k;
  ServerLimits limits;
  Clock clock;  // empty: the system clock
};

// The teacher's data folder by the one policy (upstander/user_folders.hpp):
// $XDG_DATA_HOME/upstander-teacher, else ~/.local/share/upstander-teacher; on Windows
// %LOCALAPPDATA%\Upstander. An error, never a temporary folder, when there is no home.
Result<std::string, FolderError> default_data_dir();

}  // namespace upstander::server
