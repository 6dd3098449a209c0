// `upstander-teacher serve` as a child process for the benchmarks, with its memory and
// CPU read from /proc.
#pragma once

#include <sys/types.h>

#include <string>

namespace upstander::bench {

class ServerProcess {
 public:
  // `web_root`, when given, is passed as --web-root.
  ServerProcess(const std::string& exe, const std::string& data_dir, const std::string& content_dir,
                const std::string& web_root = "");
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  bool ok() const { return port_ > 0; }
  int port() const { return port_; }
  std::string teacher_token() const;
  double rss_mb() const;       // VmRSS now
  double peak_rss_mb() const;  // VmHWM: the most it ever held
  double cpu_seconds() const;  // user + system so far
  void stop();

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string data_dir_;
};

}  // namespace upstander::bench
