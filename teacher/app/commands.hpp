// The subcommands of upstander-teacher. Each returns the process exit code:
// 0 success, 1 failure at run time, 2 wrong usage.
#pragma once

#include <string>
#include <vector>

namespace upstander::teacher {

using Args = std::vector<std::string>;

int run_serve(const Args& args);

// Prints "upstander-teacher: <message>" and a pointer to --help; returns 2.
int usage_error(const std::string& message);

}  // namespace upstander::teacher
