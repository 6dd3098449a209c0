// How `serve` is told to stop from outside: Ctrl+C, SIGTERM from a service manager, or
// closing the console window on Windows (stop_signal_posix.cpp, stop_signal_windows.cpp).
#pragma once

namespace upstander::teacher {

// Call before any thread starts. On Linux the stop signals are blocked so that only
// wait_for_stop_signal takes them (no handler ever runs inside the server) and broken
// pipes are ignored; on Windows a console control handler is installed.
void take_stop_signals();
// Blocks until a stop is asked for.
void wait_for_stop_signal();

}  // namespace upstander::teacher
