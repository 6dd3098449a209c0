// `upstander-content stats`: the numbers an author and a reviewer look at.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "upstander/content_library.hpp"
#include "upstander/scenario_stats.hpp"

namespace upstander::tool {

namespace {

std::string per_locale(const std::map<std::string, double>& m) {
  std::string out;
  for (const auto& [l, v] : m) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s%.1f (%s)", out.empty() ? "" : ", ", v, l.c_str());
    out += buf;
  }
  return out;
}

void print_text(const ScenarioStats& s) {
  std::string locales;
  for (const auto& l : s.locales) locales += (locales.empty() ? "" : ", ") + l;
  std::string outcomes;
  for (const auto& [o, n] : s.endings_by_outcome)
    outcomes += (outcomes.empty() ? "" : ", ") + o + " " + std::to_string(n);
  std::printf("%s (%s)\n", s.id.c_str(), locales.c_str());
  std::printf("  nodes %d, decision points %d, endings %d (%s)\n", s.nodes, s.decision_points,
              s.endings, outcomes.c_str());
  std::printf(
      "  perspective switches %d, excuse cards %d, thought cards %d, ripples %d, fact cards %d, reflections %d\n",
      s.perspective_switches, s.excuse_cards, s.thought_cards, s.ripples, s.fact_cards,
      s.reflections);
  std::printf("  minutes: declared %d; estimated shortest path %s; longest path %s\n",
              s.declared_minutes, per_locale(s.minutes_shortest).c_str(),
              per_locale(s.minutes_longest).c_str());
  std::printf("  path in choices: shortest %d, longest %d\n", s.shortest_path_choices,
              s.longest_path_choices);
}

// The errors among `diags` on stderr; returns whether there were any.
bool print_errors(Diagnostics diags) {
  if (!diags.has_errors()) return false;
  diags.sort();
  for (const auto& d : diags.all()) {
    if (d.severity == Severity::Error) std::fputs(format_text(d).c_str(), stderr);
  }
  for (const auto& [file, o] : diags.omitted()) {
    if (o.errors > 0) std::fputs(format_omitted_text(file, o).c_str(), stderr);
  }
  return true;
}

}  // namespace

int run_stats(const Args& args) {
  const auto parsed = parse_command(args, {cli::flag("--json")});
  if (!parsed) return cli::kUsageExit;
  const ParsedArgs& p = *parsed;
  if (p.positionals.empty()) return usage_error("stats needs at least one file or folder");
  ContentLibrary lib = ContentLibrary::load(p.positionals);
  // A missing, unreadable or broken file is never a silent empty answer: its errors are
  // printed and the exit status says the numbers are incomplete.
  const int status = print_errors(lib.diagnostics()) ? 1 : 0;
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const auto& f : lib.files()) {
    if (!f.scenario()) continue;
    if (!f.ok()) {
      std::fprintf(stderr, "%s: skipped, it has errors (run upstander-content check)\n",
                   f.source->path().c_str());
      continue;
    }
    const ScenarioStats st = compute_stats(*f.scenario());
    if (p.has("--json")) {
      all.push_back(st.to_json());
    } else {
      print_text(st);
    }
  }
  if (p.has("--json")) std::printf("%s\n", all.dump(2).c_str());
  return status;
}

}  // namespace upstander::tool
