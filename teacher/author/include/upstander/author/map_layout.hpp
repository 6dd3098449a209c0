// The scenario map as data: nodes in layers by their distance from the start, choices and
// other exits as edges, endings with their outcome, problems counted per node. The author
// screens draw it; export-twee uses the positions; nothing here knows about pixels on a
// screen beyond the sizes it is given.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "upstander/scenario.hpp"

namespace upstander::author {

enum class EdgeKind { Next, Choice, Route, Skip };

struct MapEdge {
  std::string from, to;
  EdgeKind kind = EdgeKind::Next;
  std::string choice_id;  // EdgeKind::Choice
  bool dangling = false;  // `to` names no node
};

struct NodeProblems {
  int errors = 0;
  int warnings = 0;
};

struct MapNode {
  std::string id;
  NodeKind kind = NodeKind::Narration;
  std::optional<Outcome> outcome;  // endings: colours the node
  int layer = 0;        // 0 = the start; unreachable nodes come after the last reachable layer
  int row = 0;          // position within the layer, top to bottom
  double x = 0, y = 0;  // top-left corner
  bool is_start = false;
  bool reachable = true;
  NodeProblems problems;
};

struct MapLayout {
  std::vector<MapNode> nodes;  // in the scenario's node order
  std::vector<MapEdge> edges;
  double width = 0, height = 0;

  const MapNode* find(const std::string& id) const;
};

struct MapStyle {
  double node_width = 180;
  double node_height = 64;
  double layer_gap = 90;  // between columns
  double row_gap = 28;    // between nodes in a column
};

// Layers come from a breadth-first walk over next, choices and route (a skip is a shortcut
// and would pull scenes out of story order); rows are ordered to keep arrows short.
MapLayout layout_map(const Scenario& s, const std::map<std::string, NodeProblems>& problems = {},
                     const MapStyle& style = {});

}  // namespace upstander::author
