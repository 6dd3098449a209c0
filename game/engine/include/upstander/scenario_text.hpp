// Visits every localized text of a scenario with a stable key made of ids, not positions
// ("node/n3/choice/forward/text"), so the key survives reordering. Used for glyph sets,
// translation coverage and export, word counts and reading-time estimates.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "upstander/reading_length.hpp"  // reading_seconds, for the callers that walk texts
#include "upstander/scenario.hpp"

namespace upstander {

using TextVisitor = std::function<void(const std::string& key, const LocalizedText& text)>;
using MutableTextVisitor = std::function<void(const std::string& key, LocalizedText& text)>;

void for_each_text(const Scenario& s, const TextVisitor& visit);
void for_each_text(Scenario& s, const MutableTextVisitor& visit);
// The texts shown while a student is on node `n` (not its choices' targets).
void for_each_node_text(const Node& n, const TextVisitor& visit);

}  // namespace upstander
