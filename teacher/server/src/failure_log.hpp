// One line on stderr for every 5xx answer and every caught exception, tagged with a
// request id that the answer also carries (X-Request-Id), so a teacher's report can be
// matched to the log. Only the method, status, error code and exception type are
// written: never a path, body, code, token, pseudonym or address.
#pragma once

#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

namespace upstander::server {

std::string request_id_text(std::uint64_t n);
// `body` is the JSON error answer; only its error.code is logged.
void log_failure(std::string_view request_id, std::string_view method, int status,
                 std::string_view body);
void log_exception(std::string_view request_id, std::string_view method, std::exception_ptr e);

}  // namespace upstander::server
