// Starting, measuring and stopping the server process.
#include "server_process.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace upstander::bench {

ServerProcess::ServerProcess(const std::string& exe, const std::string& data_dir,
                             const std::string& content_dir, const std::string& web_root)
    : data_dir_(data_dir) {
  int out[2];
  if (::pipe(out) != 0) return;
  pid_ = ::fork();
  if (pid_ < 0) return;
  if (pid_ == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    const std::string web = web_root.empty() ? data_dir + "/no-web-bundle" : web_root;
    ::execl(exe.c_str(), "upstander-teacher", "serve", "--bind", "127.0.0.1", "--port", "0",
            "--data", data_dir.c_str(), "--content", content_dir.c_str(), "--discovery-port", "0",
            "--web-root", web.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);
  std::string text;
  char buf[256];
  while (text.find("listening on port ") == std::string::npos) {
    const ssize_t n = ::read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    text.append(buf, static_cast<std::size_t>(n));
  }
  ::close(out[0]);
  const auto at = text.find("listening on port ");
  if (at != std::string::npos) port_ = std::atoi(text.c_str() + at + 18);
}

ServerProcess::~ServerProcess() {
  stop();
}

void ServerProcess::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::string ServerProcess::teacher_token() const {
  std::ifstream in(data_dir_ + "/teacher-token");
  std::string t;
  std::getline(in, t);
  return t;
}

namespace {
double status_kb(pid_t pid, const std::string& key) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key + ":", 0) == 0) return std::atof(line.c_str() + key.size() + 1);
  }
  return 0;
}
}  // namespace

double ServerProcess::rss_mb() const {
  return status_kb(pid_, "VmRSS") / 1024.0;
}
double ServerProcess::peak_rss_mb() const {
  return status_kb(pid_, "VmHWM") / 1024.0;
}

double ServerProcess::cpu_seconds() const {
  std::ifstream in("/proc/" + std::to_string(pid_) + "/stat");
  std::string stat;
  std::getline(in, stat);
  const auto close = stat.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(stat.substr(close + 2));
  std::string f;
  double utime = 0, stime = 0;
  for (int i = 3; i <= 15 && fields >> f; ++i) {
    if (i == 14) utime = std::atof(f.c_str());
    if (i == 15) stime = std::atof(f.c_str());
  }
  return (utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

}  // namespace upstander::bench
