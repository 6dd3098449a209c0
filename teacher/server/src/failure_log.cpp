// The failure log: fixed fields only, one write per line so lines never interleave.
#include "failure_log.hpp"

#include <unistd.h>

#include <cstdio>
#include <new>
#include <typeinfo>

#include "upstander/protocol/api_error_message.hpp"

namespace upstander::server {

namespace {

void write_line(const std::string& line) {
  const std::string out = line + "\n";
  // A line is short; the count is unsigned int in Windows' C runtime.
  (void)!::write(STDERR_FILENO, out.data(), static_cast<unsigned>(out.size()));
}

// error.code is one of the server's own fixed codes; anything else is not echoed.
std::string error_code_of(std::string_view body) {
  const std::string code = protocol::decode_api_error(body).code;
  if (code.empty()) return "-";
  for (char c : code) {
    if (!((c >= 'a' && c <= 'z') || c == '_')) return "-";
  }
  return code;
}

std::string safe_method(std::string_view m) {
  for (char c : m) {
    if (c < 'A' || c > 'Z') return "?";
  }
  return std::string(m.substr(0, 8));
}

std::string shown(std::string_view id) {
  return id.empty() ? std::string("-") : std::string(id);
}

}  // namespace

std::string request_id_text(std::uint64_t n) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "r%08llx", static_cast<unsigned long long>(n));
  return buf;
}

void log_failure(std::string_view request_id, std::string_view method, int status,
                 std::string_view body) {
  write_line("upstander-server: request " + shown(request_id) + " " + safe_method(method) +
             " answered " + std::to_string(status) + " " + error_code_of(body));
}

void log_exception(std::string_view request_id, std::string_view method, std::exception_ptr e) {
  std::string kind = "unknown exception";
  try {
    if (e) std::rethrow_exception(e);
  } catch (const std::bad_alloc&) {
    kind = "out of memory";
  } catch (const std::exception& x) {
    kind = std::string("exception ") + typeid(x).name();  // the type only: what() may quote input
  } catch (...) {
  }
  write_line("upstander-server: request " + shown(request_id) + " " + safe_method(method) +
             " failed: " + kind);
}

}  // namespace upstander::server
