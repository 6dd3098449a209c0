// Graphviz output of a scenario's structure.
#include "upstander/dot_export.hpp"

#include "upstander/utf8.hpp"

namespace upstander {

namespace {

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string shorten(std::string_view text, std::size_t max_cps) {
  const auto cps = utf8::split_code_points(text);
  if (cps.size() <= max_cps) return std::string(text);
  std::string out;
  for (std::size_t i = 0; i + 1 < max_cps; ++i) out += cps[i];
  return out + "…";
}

const char* outcome_colour(Outcome o) {
  switch (o) {
    case Outcome::Upstander: return "#b9e4c9";
    case Outcome::Mixed: return "#ffe0a3";
    case Outcome::Harm: return "#f7b7b2";
    case Outcome::Supported: return "#b9e4c9";
    case Outcome::PartlySupported: return "#d9ecc0";
    case Outcome::NotYetSupported: return "#e6e0f2";
    case Outcome::Skipped: return "#dfe8ef";
  }
  return "#ffffff";
}

}  // namespace

std::string to_dot(const Scenario& s, std::string_view locale) {
  std::string out = "digraph " + quote(s.id) + " {\n";
  out += "  graph [rankdir=TB, fontname=\"Helvetica\", label=" + quote(s.title.get(locale)) +
         ", labelloc=t];\n";
  out +=
      "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=10];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  for (const auto& n : s.nodes) {
    std::string attrs = "label=" + quote(n.id + "\n" + std::string(name_of(n.kind)));
    if (n.is_ending()) {
      const auto& e = n.as<EndingBody>();
      attrs = "label=" + quote(n.id + "\nending: " + std::string(name_of(e.outcome))) +
              ", shape=doubleoctagon, fillcolor=\"" + outcome_colour(e.outcome) + "\"";
    } else if (n.kind == NodeKind::Perspective) {
      attrs += ", fillcolor=\"#d8e3f7\"";
    } else if (n.kind == NodeKind::Excuse) {
      attrs += ", fillcolor=\"#efe0f7\"";
    } else if (n.kind == NodeKind::Thought) {
      attrs += ", fillcolor=\"#fde9c8\"";
    }
    if (n.id == s.start.id) attrs += ", penwidth=2";
    out += "  " + quote(n.id) + " [" + attrs + "];\n";
  }
  for (const auto& n : s.nodes) {
    if (n.next) out += "  " + quote(n.id) + " -> " + quote(n.next->id) + " [style=dashed];\n";
    for (const auto& r : n.route) {
      out += "  " + quote(n.id) + " -> " + quote(r.to.id) +
             " [style=dashed, color=\"#3366aa\", label=" + quote(r.condition ? "if" : "else") +
             "];\n";
    }
    for (const auto& c : n.choices) {
      std::string label = c.id + ": " + shorten(c.text.get(locale), 28);
      if (c.condition) label += " [if]";
      out += "  " + quote(n.id) + " -> " + quote(c.to.id) + " [label=" + quote(label) + "];\n";
    }
    if (n.skip_to) {
      out += "  " + quote(n.id) + " -> " + quote(n.skip_to->id) +
             " [style=dotted, color=\"#999999\", label=\"skip\"];\n";
    }
  }
  out += "}\n";
  return out;
}

}  // namespace upstander
