// `upstander-content import-twine`: a Twee 3 or Twine 2 HTML story as a scenario file,
// then checked, with what is left to do printed as "to finish the import, fix:".
#include <cstdio>
#include <filesystem>

#include "commands.hpp"
#include "upstander/author/file_io.hpp"
#include "upstander/author/twine_import.hpp"
#include "upstander/canonical_json.hpp"
#include "upstander/content_file.hpp"
#include "upstander/field_readers.hpp"
#include "upstander/object_reader.hpp"

namespace upstander::tool {

namespace {

namespace fs = std::filesystem;
using namespace upstander::author;

// Published stories carry their story format's JavaScript (a few hundred KB); anything far
// beyond that is not a Twine file.
constexpr std::uintmax_t kMaxTwineBytes = 64u << 20;

void print_notes(const std::string& path, const ImportNotes& notes) {
  std::fputs(format_notes(path, notes).c_str(), stdout);
}

const TwineStory* choose_story(const TwineFile& file, const ParsedArgs& p,
                               const std::string& path) {
  const std::string wanted = p.value("--story", "");
  if (file.stories.size() == 1 && wanted.empty()) return &file.stories.front();
  for (const auto& s : file.stories) {
    if (!wanted.empty() && s.name == wanted) return &s;
  }
  if (file.stories.empty()) return nullptr;
  std::fprintf(stderr, "%s holds %zu stories; choose one with --story=NAME:\n", path.c_str(),
               file.stories.size());
  if (!wanted.empty()) std::fprintf(stderr, "(there is no story named \"%s\")\n", wanted.c_str());
  for (const auto& s : file.stories) std::fprintf(stderr, "  %s\n", s.name.c_str());
  return nullptr;
}

std::string default_output(const std::string& input) {
  fs::path out(input);
  out.replace_extension(".json");
  return out.string();
}

int check_result(const std::string& out_path) {
  Diagnostics diags;
  load_content_file(out_path, diags);
  diags.sort();
  if (diags.empty()) {
    std::printf("%s passes check\n", out_path.c_str());
    return 0;
  }
  std::printf("to finish the import, fix:\n");
  std::fputs(format_all_text(diags).c_str(), stdout);
  std::printf("%zu error%s, %zu warning%s\n", diags.error_count(),
              diags.error_count() == 1 ? "" : "s", diags.warning_count(),
              diags.warning_count() == 1 ? "" : "s");
  return diags.has_errors() ? 1 : 0;
}

}  // namespace

int run_import_twine(const Args& raw) {
  const auto parsed = parse_command(raw, {cli::option("--output", "-o"), cli::option("--lang"),
                                          cli::option("--id"), cli::option("--story")});
  if (!parsed) return cli::kUsageExit;
  const ParsedArgs& p = *parsed;
  if (p.positionals.size() != 1)
    return usage_error("import-twine needs exactly one .twee or .html file");
  const std::string path = p.positionals[0];
  TwineImportOptions options;
  options.lang = p.value("--lang", "en");
  options.id = p.value("--id", "");
  if (!is_valid_locale_code(options.lang))
    return usage_error("--lang takes a language code such as ko or en");
  if (!options.id.empty() && !is_valid_id(options.id))
    return usage_error("--id takes an id such as my-scenario");
  const std::string out_path = p.value("--output", default_output(path));
  if (!p.has("--output") && fs::exists(out_path)) {
    std::fprintf(stderr, "%s already exists; choose where to write with -o FILE.json\n",
                 out_path.c_str());
    return 2;
  }

  std::error_code ec;
  if (fs::file_size(path, ec) > kMaxTwineBytes && !ec) {
    std::fprintf(stderr, "%s is larger than %ju MB; it is not a Twine story\n", path.c_str(),
                 kMaxTwineBytes >> 20);
    return 1;
  }
  auto bytes = read_whole_file(path);
  if (!bytes) {
    std::fprintf(stderr, "%s\n", bytes.error().message.c_str());
    return 1;
  }
  const SourceText source(path, std::move(*bytes));
  const TwineFile file = read_twine(source);
  print_notes(path, file.notes);
  const TwineStory* story = choose_story(file, p, path);
  if (story == nullptr) return file.stories.empty() ? 1 : 2;
  if (story->passages.empty()) {
    std::fprintf(stderr, "%s: no passages to import; nothing written\n", path.c_str());
    return 1;
  }

  TwineImport result = import_twine_story(*story, options);
  print_notes(path, result.notes);
  if (result.scenario.nodes.empty()) {  // only special passages (StoryInit, PassageHeader ...)
    std::fprintf(stderr, "%s: no passages to import; nothing written\n", path.c_str());
    return 1;
  }
  std::printf("passages and the nodes they became:\n");
  for (const auto& m : result.mapping)
    std::printf("  line %u: \"%s\" -> %s\n", m.line, m.passage.c_str(), m.node_id.c_str());
  if (const auto written =
          write_file_atomically(out_path, write_canonical(to_json(result.scenario)));
      !written) {
    std::fprintf(stderr, "%s\n", written.error().message.c_str());
    return 1;
  }
  std::printf("wrote %s (%zu nodes)\n", out_path.c_str(), result.scenario.nodes.size());
  return check_result(out_path);
}

}  // namespace upstander::tool
