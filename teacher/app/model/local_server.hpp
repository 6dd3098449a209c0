// The class's one server process on this machine. The native dashboard and
// `upstander-teacher signin-link` find the server already running (its port answers
// /api/v1/health as an Upstander server and accepts the token from the data folder), or
// start `upstander-teacher serve` as a process of its own, in its own session, so closing
// or crashing a dashboard never interrupts the students.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

#include "upstander/result.hpp"
#include "upstander/server/server_options.hpp"

namespace upstander::dashboard {

enum class LocalProbe {
  Running,     // an Upstander server that takes this data folder's token
  NoServer,    // nothing answers on the port
  Foreign,     // something else answers (another program has the port)
  OtherToken,  // an Upstander server with another data folder
};

// The token `serve` keeps in `data_dir` ("" when there is none yet).
std::string read_teacher_token(const std::string& data_dir);
// Asks 127.0.0.1:`port` within about a second.
LocalProbe probe_local_server(int port, const std::string& token);

// Why no server could be found or started; the message says what to do, for the terminal.
enum class LocalServerError {
  PortTaken,        // another program answers on the port
  OtherDataFolder,  // an Upstander server with another data folder answers
  CannotStart,      // `serve` could not be started
  NoAnswer,         // started, but did not answer in time
};
using LocalServerFailure = Error<LocalServerError>;

// `serve` arguments that reproduce `o` (data folder spelled out, never a browser opened).
std::vector<std::string> serve_arguments(const server::ServerOptions& o);
// Starts `exe serve ...` detached: its own session (setsid), stdin from /dev/null, output
// appended to <data_dir>/server.log. Returns its pid. This, ensure_local_server and
// own_executable are the native dashboard's (local_server_spawn_posix.cpp), not built for
// Windows.
Result<pid_t, LocalServerFailure> spawn_detached_server(const std::string& exe,
                                                        const server::ServerOptions& o);
// Polls until the server on `port` answers with the token in `data_dir`; fills `token`.
bool wait_for_local_server(int port, const std::string& data_dir, std::chrono::milliseconds timeout,
                           std::string& token);

struct LocalServer {
  bool started = false;  // this call started it
  pid_t pid = -1;        // when started
  std::string token;
};
// The running server on o.port, else a new detached one (o.port must not be 0; o.data_dir
// set, as read_server_options does).
Result<LocalServer, LocalServerFailure> ensure_local_server(const std::string& exe,
                                                            const server::ServerOptions& o);

// This program's own executable (/proc/self/exe).
std::string own_executable();

}  // namespace upstander::dashboard
