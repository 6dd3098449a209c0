// How a session is called on every screen and in the report: the teacher's name for the
// class with the date ("2학년 3반 · 2026-12-05 09:10"), or the date alone when unnamed.
#pragma once

#include <string>

#include "api_types.hpp"
#include "dashboard_text.hpp"

namespace upstander::dashboard {

std::string session_title(const SessionInfo& s, const DashboardText& text);

}  // namespace upstander::dashboard
