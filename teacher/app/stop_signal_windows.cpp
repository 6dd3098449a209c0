// Ctrl+C, Ctrl+Break and closing the console window, through SetConsoleCtrlHandler.
#include <windows.h>

#include <condition_variable>
#include <mutex>

#include "stop_signal.hpp"

namespace upstander::teacher {

namespace {

std::mutex stop_mu;
std::condition_variable stop_cv;
bool stop_asked = false;

BOOL WINAPI on_console_event(DWORD event) {
  {
    std::lock_guard lock(stop_mu);
    stop_asked = true;
  }
  stop_cv.notify_all();
  // Windows ends the process as soon as this returns for a closing window, a log-off or
  // a shutdown: give the server a moment to finish its writes (main returns sooner when done).
  if (event == CTRL_CLOSE_EVENT || event == CTRL_LOGOFF_EVENT || event == CTRL_SHUTDOWN_EVENT)
    Sleep(4000);
  return TRUE;
}

}  // namespace

void take_stop_signals() {
  SetConsoleCtrlHandler(on_console_event, TRUE);
}

void wait_for_stop_signal() {
  std::unique_lock lock(stop_mu);
  stop_cv.wait(lock, [] { return stop_asked; });
}

}  // namespace upstander::teacher
