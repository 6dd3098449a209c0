// serve.conf: the administrator's settings for `upstander-teacher serve` (the packaged
// service reads /etc/upstander/serve.conf), as "key = value" lines; the command line wins.
#pragma once

#include <string>

#include "upstander/command_line.hpp"
#include "upstander/server/server_options.hpp"

namespace upstander::teacher {

// A mistake in the file is a usage error, as a wrong option is (exit code 2).
using ConfigResult = Result<void, cli::UsageError>;

// Applies `text` (the file's contents, named `file_name` in errors) to `o`. Keys: port,
// bind, k, retention_days. '#' starts a comment; blank lines are skipped. An unknown key, a
// repeated key or a bad value is an error "FILE:LINE: what is wrong".
ConfigResult apply_serve_config(const std::string& text, const std::string& file_name,
                                server::ServerOptions& o);

// Reads `path` and applies it; a file that cannot be read is an error too.
ConfigResult load_serve_config(const std::string& path, server::ServerOptions& o);

}  // namespace upstander::teacher
