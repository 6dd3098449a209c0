// The summary as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel shows
// Korean correctly), one row per published cell, suppressed cells with an empty count.
// The rows come from the already suppressed summary, so the CSV cannot show more.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace upstander::server {

// Columns: section, scenario, point, point_text, answer, answer_text, count, shown, mean.
std::string summary_to_csv(const nlohmann::ordered_json& summary,
                           const nlohmann::ordered_json& session);

// One CSV field, quoted when needed. A text field starting with = + - @ is defused with a
// leading apostrophe so a spreadsheet never runs it as a formula.
std::string csv_field(std::string_view s, bool text);

}  // namespace upstander::server
