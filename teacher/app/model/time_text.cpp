// localtime_r + strftime.
#include "time_text.hpp"

#include <ctime>

namespace upstander::dashboard {

std::string local_time(std::int64_t t, TimeStyle style) {
  if (t <= 0) return "";
  const std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  localtime_r(&tt, &tm);
  char buf[64];
  // Literal formats, so the compiler checks them.
  const std::size_t n = style == TimeStyle::FileName
                            ? std::strftime(buf, sizeof buf, "%Y%m%d-%H%M", &tm)
                            : std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
  return std::string(buf, n);
}

}  // namespace upstander::dashboard
