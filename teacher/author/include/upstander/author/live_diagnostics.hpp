// The checker's verdict on the scenario being edited: it is written canonically, loaded
// with the engine (exactly as `check` loads a file), and each diagnostic is tied to the
// node (or other part) its JSON pointer points into, so a click can jump there.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "upstander/author/map_layout.hpp"
#include "upstander/content_file.hpp"

namespace upstander::author {

enum class DiagnosticArea { Header, Characters, Threads, Variables, Nodes, Translations };

struct LiveDiagnostic {
  Diagnostic diagnostic;  // positions are in the canonical text (what save writes)
  DiagnosticArea area = DiagnosticArea::Header;
  std::string element_id;  // the node, character, thread or variable; "" for the header
};

struct LiveDiagnostics {
  std::vector<LiveDiagnostic> items;  // in file order
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::map<std::string, NodeProblems> by_node;
  ContentFile checked;  // the loaded file (its scenario is linked when it has no errors)
};

// `name` is the path shown in diagnostics; `text` is the canonical text of `s`.
LiveDiagnostics check_live(const Scenario& s, const std::string& name, const std::string& text);

}  // namespace upstander::author
