// The operational log: one write per line; the tally's line lists statuses in order.
#include "server_log.hpp"

#include <unistd.h>

namespace upstander::server {

void log_event(std::string_view text) {
  std::string line = "upstander-server: ";
  line += text;
  line += '\n';
  // A log line is short; MinGW's write() takes an unsigned count, Linux's a size_t.
  (void)!::write(STDERR_FILENO, line.data(), static_cast<unsigned>(line.size()));
}

void AnswerTally::count(int status, double now) {
  if (status < 400) return;
  std::string due;
  {
    std::lock_guard lock(mu_);
    if (since_ < 0) since_ = now;
    if (now - since_ >= interval_) {
      due = take_locked();
      since_ = now;
    }
    ++counts_[status];
  }
  if (!due.empty())
    log_event("error answers in the last " + std::to_string(static_cast<int>(interval_ / 60)) +
              " min: " + due);
}

void AnswerTally::flush() {
  const std::string due = take();
  if (!due.empty()) log_event("error answers since the last count: " + due);
}

std::string AnswerTally::take() {
  std::lock_guard lock(mu_);
  return take_locked();
}

std::string AnswerTally::take_locked() {
  std::string out;
  for (const auto& [status, n] : counts_) {
    if (!out.empty()) out += ' ';
    out += std::to_string(status) + "=" + std::to_string(n);
  }
  counts_.clear();
  return out;
}

}  // namespace upstander::server
