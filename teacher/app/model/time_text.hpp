// Unix times as the teacher reads them, in the computer's time zone.
#pragma once

#include <cstdint>
#include <string>

namespace upstander::dashboard {

enum class TimeStyle {
  Display,   // "2025-03-14 09:05"
  FileName,  // "20250314-0905"
};

// "" for a time not set (0 or less).
std::string local_time(std::int64_t t, TimeStyle style = TimeStyle::Display);

}  // namespace upstander::dashboard
