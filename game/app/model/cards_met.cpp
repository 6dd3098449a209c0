// Collecting the excuse and thought cards of one playthrough.
#include "cards_met.hpp"

#include <algorithm>

namespace upstander::app {

namespace {

void add_once(std::vector<std::string>& list, const std::string& line) {
  if (!line.empty() && std::find(list.begin(), list.end(), line) == list.end())
    list.push_back(line);
}

}  // namespace

CardsMet cards_met(const Scenario& s, const std::vector<int>& seen, const UiText& text) {
  CardsMet met;
  for (int index : seen) {
    if (index < 0 || static_cast<std::size_t>(index) >= s.nodes.size()) continue;
    const Node& n = s.nodes[static_cast<std::size_t>(index)];
    if (const auto* ex = std::get_if<ExcuseBody>(&n.body))
      add_once(met.excuses, text.pick(ex->excuse));
    if (const auto* th = std::get_if<ThoughtBody>(&n.body))
      add_once(met.thoughts, text.pick(th->thought));
  }
  return met;
}

}  // namespace upstander::app
