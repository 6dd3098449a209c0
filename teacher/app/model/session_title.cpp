// Session titles.
#include "session_title.hpp"

#include "time_text.hpp"

namespace upstander::dashboard {

std::string session_title(const SessionInfo& s, const DashboardText& text) {
  const std::string date = local_time(s.created_at);
  if (s.name.empty()) return date;
  return text("teacher.session.named", {{"name", s.name}, {"date", date}});
}

}  // namespace upstander::dashboard
