// Numbers about a scenario for authors and for the content issue's minimums: decision
// points, endings, perspective switches, excuse cards, path lengths and reading time.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "upstander/scenario.hpp"

namespace upstander {

struct ScenarioStats {
  std::string id;
  std::vector<std::string> locales;
  int nodes = 0;
  int decision_points = 0;  // nodes offering two or more choices
  int endings = 0;
  std::map<std::string, int> endings_by_outcome;
  int perspective_switches = 0;
  int excuse_cards = 0;
  int thought_cards = 0;
  int ripples = 0;
  int fact_cards = 0;
  int reflections = 0;
  int declared_minutes = 0;
  // Reading time plus time to decide, along the shortest and the longest path, per locale.
  std::map<std::string, double> minutes_shortest;
  std::map<std::string, double> minutes_longest;
  int shortest_path_choices = -1;  // fewest choices from start to any ending (conditions respected)
  int longest_path_choices =
      -1;  // most choices on a path that repeats no scene (conditions ignored)
  std::map<std::string, int> words;  // reading_units() of the whole scenario, per locale

  nlohmann::ordered_json to_json() const;
};

// `s` must be linked without errors.
ScenarioStats compute_stats(const Scenario& s);

}  // namespace upstander
