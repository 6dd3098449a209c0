// SIGINT and SIGTERM taken by one thread with sigwait.
#include <pthread.h>
#include <signal.h>

#include "stop_signal.hpp"

namespace upstander::teacher {

namespace {
sigset_t stop_signals() {
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, SIGINT);
  sigaddset(&s, SIGTERM);
  return s;
}
}  // namespace

void take_stop_signals() {
  const sigset_t s = stop_signals();
  pthread_sigmask(SIG_BLOCK, &s, nullptr);
  signal(SIGPIPE, SIG_IGN);
}

void wait_for_stop_signal() {
  const sigset_t s = stop_signals();
  int sig = 0;
  sigwait(&s, &sig);
}

}  // namespace upstander::teacher
