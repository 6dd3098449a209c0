// `upstander-content export-twee`: one scenario as Twee 3, in one language.
#include <algorithm>
#include <cstdio>

#include "commands.hpp"
#include "upstander/author/file_io.hpp"
#include "upstander/author/twee_export.hpp"
#include "upstander/content_file.hpp"

namespace upstander::tool {

int run_export_twee(const Args& raw) {
  const auto parsed = parse_command(
      raw, {cli::option("--lang"), cli::option("--output", "-o"), cli::option("--format")});
  if (!parsed) return cli::kUsageExit;
  const ParsedArgs& p = *parsed;
  const std::string format = p.value("--format", "harlowe");
  if (format != "harlowe" && format != "sugarcube")
    return usage_error("--format takes harlowe or sugarcube");
  if (p.positionals.size() != 1) return usage_error("export-twee needs exactly one scenario file");
  Diagnostics diags;
  LoadOptions options;
  options.check_flow = false;  // export what is there, broken flows included
  const ContentFile f = load_content_file(p.positionals[0], diags, options);
  const Scenario* s = f.scenario();
  if (s == nullptr) {
    std::fputs(format_all_text(diags).c_str(), stderr);
    std::fprintf(stderr, "%s: not a scenario\n", p.positionals[0].c_str());
    return 1;
  }
  const std::string lang = p.value("--lang", s->locales.empty() ? "en" : s->locales.front());
  if (std::find(s->locales.begin(), s->locales.end(), lang) == s->locales.end()) {
    return usage_error("the scenario has no \"" + lang + "\" texts");
  }
  const std::string twee = author::export_twee(
      *s, lang,
      format == "sugarcube" ? author::TwineFormat::SugarCube : author::TwineFormat::Harlowe);
  if (!p.has("--output")) {
    std::fputs(twee.c_str(), stdout);
    return 0;
  }
  if (const auto written = author::write_file_atomically(p.value("--output", ""), twee); !written) {
    std::fprintf(stderr, "%s\n", written.error().message.c_str());
    return 1;
  }
  return 0;
}

}  // namespace upstander::tool
