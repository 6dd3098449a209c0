// Reading any content file and dispatching on its "type".
#include "upstander/content_file.hpp"

#include <filesystem>
#include <fstream>
#include <system_error>

#include "upstander/diagnostic_codes.hpp"
#include "upstander/scenario_linker.hpp"
#include "upstander/scenario_reader.hpp"
#include "upstander/scenario_roles.hpp"
#include "upstander/suggest.hpp"
#include "upstander/translation_record.hpp"

namespace upstander {

std::string_view name_of(ContentType t) {
  switch (t) {
    case ContentType::Scenario: return "scenario";
    case ContentType::Survey: return "survey";
    case ContentType::Help: return "help";
    case ContentType::Locale: return "locale";
  }
  return "?";
}

std::optional<std::string> read_content_bytes(const std::string& path, std::size_t max_bytes,
                                              Diagnostics& out) {
  const SourceText nowhere(path, "");
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    out.report(nowhere, kNoOffset, Severity::Error, codes::kIoError, "",
               "cannot read the file: " + ec.message(),
               "check the path and that you may read the file");
    return std::nullopt;
  }
  if (size > max_bytes) {
    // Say it before reading: a mistaken 5 GB path must not fill memory.
    out.report(nowhere, kNoOffset, Severity::Error, codes::kFileTooLarge, "",
               "the file is " + std::to_string(size / (1u << 20)) + " MB; the limit is " +
                   std::to_string(max_bytes / (1u << 20)) + " MB per file",
               "a scenario for one class period is far smaller; split it into several scenarios, "
               "or check that this is the file you meant");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.report(nowhere, kNoOffset, Severity::Error, codes::kIoError, "", "cannot open the file",
               "check the path and that you may read the file");
    return std::nullopt;
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) {
    out.report(nowhere, kNoOffset, Severity::Error, codes::kIoError, "",
               "the file could not be read completely",
               "check that no other program is writing it");
    return std::nullopt;
  }
  return bytes;
}

namespace {

std::optional<ContentType> read_type(ReadContext& ctx, const JsonValue& root) {
  const std::vector<std::string> types = {"scenario", "survey", "help", "locale"};
  const JsonValue* t = root.find("type");
  if (t == nullptr) {
    ctx.report(root.offset(), Severity::Error, codes::kUnknownFileType, "/type",
               "the file does not say what it is",
               "add \"type\": \"scenario\" (or \"survey\", \"help\", \"locale\") at the top");
    return std::nullopt;
  }
  if (t->is(JsonType::String)) {
    for (std::size_t i = 0; i < types.size(); ++i) {
      if (types[i] == t->as_string()) return static_cast<ContentType>(i);
    }
  }
  ctx.report(t->offset(), Severity::Error, codes::kUnknownFileType, "/type",
             "\"type\" should be \"scenario\", \"survey\", \"help\" or \"locale\"" +
                 (t->is(JsonType::String) ? did_you_mean(t->as_string(), types) : std::string()),
             "write one of those four words in quotes");
  return std::nullopt;
}

// Takes the document so it can be freed as soon as the model is read: the flow checks
// need only the model, and on large packs the tree is most of the memory.
void load_parsed(ContentFile& file, JsonValue root, Diagnostics& out, const LoadOptions& options) {
  ReadContext ctx(*file.source, out);
  if (!root.is(JsonType::Object)) {
    ctx.error(root.offset(), codes::kWrongType,
              "a content file should be one JSON object {...}, not " +
                  std::string(json_type_name(root.type())),
              "start the file with { and end it with }");
    return;
  }
  file.type = read_type(ctx, root);
  if (!file.type) return;
  switch (*file.type) {
    case ContentType::Scenario: {
      const std::size_t errors_before = out.error_count();
      Scenario s = read_scenario(ctx, root);
      root = JsonValue();
      const bool linked = link_scenario(s, *file.source, out);
      check_translations(s, *file.source, out);
      // Flow checks on a graph with broken links or broken nodes would only add noise.
      if (options.check_flow && linked && out.error_count() == errors_before) {
        check_flow(s, *file.source, out, options.flow);
      }
      // After the flow checks, whose gate counts earlier errors: a misused excuse or
      // outcome is no reason to skip them.
      if (linked) check_roles(s, *file.source, out);
      file.content = std::move(s);
      break;
    }
    case ContentType::Survey: file.content = read_survey(ctx, root); break;
    case ContentType::Help: file.content = read_help(ctx, root); break;
    case ContentType::Locale: file.content = read_locale_strings(ctx, root); break;
  }
}

}  // namespace

ContentFile load_content_text(std::string name, std::string bytes, Diagnostics& out,
                              const LoadOptions& options) {
  ContentFile file;
  file.source = std::make_shared<const SourceText>(std::move(name), std::move(bytes));
  Diagnostics local;
  if (auto root = parse_json(*file.source, local, options.parse)) {
    load_parsed(file, std::move(*root), local, options);
  }
  file.errors = local.error_count();
  file.warnings = local.warning_count();
  out.append(local);
  return file;
}

ContentFile load_content_file(const std::string& path, Diagnostics& out,
                              const LoadOptions& options) {
  std::optional<std::string> bytes = read_content_bytes(path, options.parse.max_bytes, out);
  if (!bytes) {
    ContentFile failed;
    failed.source = std::make_shared<const SourceText>(path, "");
    failed.errors = 1;
    return failed;
  }
  return load_content_text(path, std::move(*bytes), out, options);
}

}  // namespace upstander
