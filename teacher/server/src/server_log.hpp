// The server's operational log on stderr (journald keeps and rotates it under systemd):
// sessions' lifecycle by public session id, and the error answers counted per status.
// Never a join code, token, pseudonym, path, body or client address: the ids and numbers
// written here are the server's own.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace upstander::server {

// "upstander-server: <text>" as one write, so lines from threads never interleave.
void log_event(std::string_view text);

// Answers with status >= 400 (4xx, and the front's refusals) counted per status and logged
// as one line per interval and at flush(): a flood of wrong requests makes one line, and
// who sent them is not kept at all. (Each 5xx of the API is also logged on its own, with
// its request id: failure_log.hpp.)
class AnswerTally {
 public:
  explicit AnswerTally(double interval_seconds = 600) : interval_(interval_seconds) {}
  // `now` in monotonic seconds; writes the previous interval's line once it is over.
  void count(int status, double now);
  // Writes what is counted and not yet written (at stop), nothing when there is none.
  void flush();
  // "404=3 429=1" (for tests), and resets.
  std::string take();

 private:
  std::string take_locked();
  std::mutex mu_;
  std::map<int, std::uint64_t> counts_;
  double interval_;
  double since_ = -1;
};

}  // namespace upstander::server
