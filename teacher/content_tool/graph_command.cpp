// `upstander-content graph`: Graphviz DOT of one scenario's branching map.
#include <cstdio>

#include "commands.hpp"
#include "upstander/content_file.hpp"
#include "upstander/dot_export.hpp"

namespace upstander::tool {

int run_graph(const Args& args) {
  const auto parsed = parse_command(args, {cli::option("--lang")});
  if (!parsed) return cli::kUsageExit;
  const ParsedArgs& p = *parsed;
  if (p.positionals.size() != 1) return usage_error("graph needs exactly one scenario file");
  Diagnostics diags;
  LoadOptions options;
  options.check_flow = false;  // draw broken flows too: the map is how authors find them
  ContentFile f = load_content_file(p.positionals[0], diags, options);
  const Scenario* s = f.scenario();
  if (s == nullptr || diags.has_errors()) {
    std::fputs(format_all_text(diags).c_str(), stderr);
    if (s == nullptr) {
      std::fprintf(stderr, "%s: not a scenario that can be drawn\n", p.positionals[0].c_str());
      return 1;
    }
  }
  const std::string lang = p.value("--lang", s->locales.empty() ? "en" : s->locales.front());
  std::fputs(to_dot(*s, lang).c_str(), stdout);
  return diags.has_errors() ? 1 : 0;
}

}  // namespace upstander::tool
