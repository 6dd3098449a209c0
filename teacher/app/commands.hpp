// The subcommands of upstander-teacher. Each returns the process exit code:
// 0 success, 1 failure at run time, 2 wrong usage.
#pragma once

#include <string>
#include <vector>

#include "upstander/command_line.hpp"
#include "upstander/server/server_options.hpp"

namespace upstander::server {
class ClassroomServer;
}

namespace upstander::teacher {

using Args = std::vector<std::string>;

int run_serve(const Args& args);
// The dashboard with its server in-process (or another machine's, with --server).
int run_dashboard(const Args& args);

// The server options `serve`, `signin-link` and the dashboard share (--port, --data, ...).
std::vector<cli::Spec> server_option_specs();
// Applies them (after --config's file) to `o`, and fills o.data_dir with the teacher's
// data folder when none was given. Returns 0 or the exit code of a usage error.
int read_server_options(const cli::Parsed& p, server::ServerOptions& o);
// "students open http://192.168.0.12:8080/" for each LAN address a server bound to
// `bind_address` answers on, or that it listens on loopback only.
void print_join_addresses(const std::string& bind_address, int port);

// A server students know by this computer's name (it has no LAN address) must accept that
// name in the Host header.
void allow_join_host_name(server::ServerOptions& o);
// Whether `serve` opens the teacher's sign-in link in the default browser.
enum class OpenBrowser { Never, OnDesktop, Always };
// The teacher's one-time sign-in link for a browser, printed, and opened in the default
// browser as `browser` says (OnDesktop: when `serve` runs in a terminal on a desktop).
void print_teacher_signin(server::ClassroomServer& srv, const std::string& bind_address,
                          OpenBrowser browser);
// `upstander-teacher signin-link`: a new sign-in link from the server running here.
int run_signin_link(const Args& args);

// Prints "upstander-teacher: <message>" and a pointer to --help; returns cli::kUsageExit.
int usage_error(const std::string& message);

}  // namespace upstander::teacher
