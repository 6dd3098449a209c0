// Loading the canonical text and mapping pointers back to elements.
#include "upstander/author/live_diagnostics.hpp"

#include <charconv>

namespace upstander::author {

namespace {

struct Place {
  DiagnosticArea area = DiagnosticArea::Header;
  std::size_t index = 0;
  bool has_index = false;
};

// "/nodes/3/choices/0/to" -> nodes, 3.
Place place_of(const std::string& pointer) {
  Place p;
  const std::size_t second = pointer.find('/', 1);
  const std::string first =
      pointer.substr(1, second == std::string::npos ? std::string::npos : second - 1);
  if (first == "nodes")
    p.area = DiagnosticArea::Nodes;
  else if (first == "characters")
    p.area = DiagnosticArea::Characters;
  else if (first == "threads")
    p.area = DiagnosticArea::Threads;
  else if (first == "variables")
    p.area = DiagnosticArea::Variables;
  else if (first == "translations")
    p.area = DiagnosticArea::Translations;
  else
    return p;
  if (second == std::string::npos) return p;
  const std::size_t end = pointer.find('/', second + 1);
  const char* begin = pointer.data() + second + 1;
  const char* stop =
      end == std::string::npos ? pointer.data() + pointer.size() : pointer.data() + end;
  p.has_index = std::from_chars(begin, stop, p.index).ec == std::errc();
  return p;
}

template <typename T>
std::string id_at(const std::vector<T>& items, const Place& p) {
  return p.has_index && p.index < items.size() ? items[p.index].id : "";
}

}  // namespace

LiveDiagnostics check_live(const Scenario& s, const std::string& name, const std::string& text) {
  LiveDiagnostics live;
  Diagnostics diags;
  live.checked = load_content_text(name, text, diags);
  diags.sort();
  for (const auto& d : diags.all()) {
    const Place p = place_of(d.pointer);
    LiveDiagnostic item{d, p.area, ""};
    // The canonical text lists everything in the model's order, so indices match.
    switch (p.area) {
      case DiagnosticArea::Nodes: item.element_id = id_at(s.nodes, p); break;
      case DiagnosticArea::Characters: item.element_id = id_at(s.characters, p); break;
      case DiagnosticArea::Threads: item.element_id = id_at(s.threads, p); break;
      case DiagnosticArea::Variables: item.element_id = id_at(s.variables, p); break;
      case DiagnosticArea::Header:
      case DiagnosticArea::Translations: break;
    }
    if (p.area == DiagnosticArea::Nodes && !item.element_id.empty()) {
      auto& counts = live.by_node[item.element_id];
      (d.severity == Severity::Error ? counts.errors : counts.warnings) += 1;
    }
    (d.severity == Severity::Error ? live.errors : live.warnings) += 1;
    live.items.push_back(std::move(item));
  }
  return live;
}

}  // namespace upstander::author
