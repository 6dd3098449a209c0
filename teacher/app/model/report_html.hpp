// The printable class report: one self-contained HTML file (print it or save it as PDF
// from a browser) with the same suppressed aggregates the dashboard shows. Every count
// goes through cell_words, so a suppressed cell reads "fewer than k" or "hidden".
#pragma once

#include <string>

#include "api_types.hpp"
#include "dashboard_text.hpp"
#include "upstander/discussion_guide.hpp"

namespace upstander::dashboard {

std::string report_html(const Summary& s, const DashboardText& text, const DiscussionGuide& guide);

// `text` with & < > " ' escaped.
std::string html_escape(const std::string& text);

}  // namespace upstander::dashboard
