// `upstander-content strings export|import`: the translator's CSV table.
#include <algorithm>
#include <cstdio>

#include "commands.hpp"
#include "upstander/author/file_io.hpp"
#include "upstander/author/load_fidelity.hpp"
#include "upstander/author/translation_table.hpp"
#include "upstander/canonical_json.hpp"
#include "upstander/content_file.hpp"
#include "upstander/field_readers.hpp"

namespace upstander::tool {

namespace {

using namespace upstander::author;

// The scenario as the model holds it; refused when writing it back would drop something.
std::optional<Scenario> load_scenario(const std::string& path) {
  Diagnostics diags;
  LoadOptions options;
  options.check_flow = false;
  ContentFile f = load_content_file(path, diags, options);
  const std::vector<Diagnostic> lossy = lossy_problems(diags);
  if (f.scenario() == nullptr || !lossy.empty()) {
    for (const auto& d : lossy) std::fputs(format_text(d).c_str(), stderr);
    std::fprintf(
        stderr, "%s: %s\n", path.c_str(),
        f.scenario() ? "fix the errors above first (upstander-content check)" : "not a scenario");
    return std::nullopt;
  }
  return std::move(std::get<Scenario>(f.content));
}

void print_coverage(const Scenario& s) {
  for (const auto& [locale, c] : translation_coverage(s)) {
    const double pct =
        c.total ? 100.0 * static_cast<double>(c.translated) / static_cast<double>(c.total) : 100.0;
    std::printf("  %s: %zu of %zu texts translated (%.0f%%), %zu stale, %zu missing\n",
                locale.c_str(), c.translated, c.total, pct, c.stale, c.missing);
  }
}

int run_export(const ParsedArgs& p) {
  if (p.positionals.size() != 1)
    return usage_error("strings export needs exactly one scenario file");
  const std::string target = p.value("--lang", "");
  if (!is_valid_locale_code(target))
    return usage_error("strings export needs --lang CODE (the language to translate into)");
  std::optional<Scenario> s = load_scenario(p.positionals[0]);
  if (!s) return 1;
  const std::string source = p.value("--source", default_source_locale(*s, target));
  if (std::find(s->locales.begin(), s->locales.end(), source) == s->locales.end() ||
      source == target) {
    std::string have;
    for (const auto& l : s->locales) have += (have.empty() ? "" : ", ") + l;
    return usage_error("--source must be another language of the scenario (it has " + have + ")");
  }
  const std::string csv = write_translation_csv(*s, source, target);
  if (!p.has("--output")) {
    std::fwrite(csv.data(), 1, csv.size(), stdout);
    return 0;
  }
  if (const auto written = write_file_atomically(p.value("--output", ""), csv); !written) {
    std::fprintf(stderr, "%s\n", written.error().message.c_str());
    return 1;
  }
  return 0;
}

int run_import(const ParsedArgs& p) {
  if (p.positionals.size() != 2)
    return usage_error("strings import needs the scenario file and the CSV file");
  const std::string& json_path = p.positionals[0];
  const std::string& csv_path = p.positionals[1];
  std::optional<Scenario> s = load_scenario(json_path);
  if (!s) return 1;
  const auto csv = read_whole_file(csv_path);
  if (!csv) {
    std::fprintf(stderr, "%s\n", csv.error().message.c_str());
    return 1;
  }
  const TranslationImport result = apply_translation_csv(*s, *csv);
  for (const auto& e : result.errors) {
    if (e.line > 0)
      std::fprintf(stderr, "%s:%u: error: %s\n", csv_path.c_str(), e.line, e.message.c_str());
    else
      std::fprintf(stderr, "%s: error: %s\n", csv_path.c_str(), e.message.c_str());
  }
  if (!result.errors.empty()) {
    std::fprintf(stderr, "nothing was changed: fix the table and import it again\n");
    return 1;
  }
  for (const auto& n : result.notes)
    std::printf("%s:%u: note: %s\n", csv_path.c_str(), n.line, n.message.c_str());
  if (const auto written = write_file_atomically(json_path, write_canonical(to_json(*s)));
      !written) {
    std::fprintf(stderr, "%s\n", written.error().message.c_str());
    return 1;
  }
  std::printf("imported %zu translation%s into %s (%s from %s), %zu unchanged%s\n", result.applied,
              result.applied == 1 ? "" : "s", json_path.c_str(), result.target.c_str(),
              result.source.c_str(), result.unchanged,
              result.added_locale ? "; added it to \"locales\"" : "");
  std::printf("coverage:\n");
  print_coverage(*s);
  return 0;
}

}  // namespace

int run_strings(const Args& raw) {
  if (raw.empty() || (raw[0] != "export" && raw[0] != "import")) {
    return usage_error("strings needs export or import");
  }
  const Args rest(raw.begin() + 1, raw.end());
  if (raw[0] == "export") {
    const auto parsed = parse_command(
        rest, {cli::option("--lang"), cli::option("--source"), cli::option("--output", "-o")});
    return parsed ? run_export(*parsed) : cli::kUsageExit;
  }
  const auto parsed = parse_command(rest, {});
  return parsed ? run_import(*parsed) : cli::kUsageExit;
}

}  // namespace upstander::tool
