// Loading one content file of any type: read, parse with positions, shape pass, and for
// scenarios the link and flow passes. The game, the server, the lint tool and the editor
// all load through here, so they agree on what is valid.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "upstander/diagnostic.hpp"
#include "upstander/help_directory.hpp"
#include "upstander/json_parser.hpp"
#include "upstander/locale_strings.hpp"
#include "upstander/scenario.hpp"
#include "upstander/scenario_flow.hpp"
#include "upstander/source_text.hpp"
#include "upstander/survey.hpp"

namespace upstander {

enum class ContentType { Scenario, Survey, Help, Locale };
std::string_view name_of(ContentType t);

struct LoadOptions {
  ParseLimits parse;
  FlowLimits flow;
  bool check_flow = true;  // the editor turns it off while typing, then back on
  // All files of one ContentLibrary::load together (the shipped content is 300 KB): what a
  // check may hold in memory, whatever folder it is pointed at.
  std::uintmax_t max_total_bytes = 64u << 20;
};

struct ContentFile {
  std::shared_ptr<const SourceText> source;
  std::optional<ContentType> type;
  std::variant<std::monostate, Scenario, Survey, HelpDirectory, LocaleStrings> content;
  std::size_t errors = 0;  // errors in this file
  std::size_t warnings = 0;

  bool ok() const { return type.has_value() && errors == 0; }
  const Scenario* scenario() const { return std::get_if<Scenario>(&content); }
  const Survey* survey() const { return std::get_if<Survey>(&content); }
  const HelpDirectory* help() const { return std::get_if<HelpDirectory>(&content); }
  const LocaleStrings* locale() const { return std::get_if<LocaleStrings>(&content); }
};

// Reads a file no larger than `max_bytes`; on failure returns nullopt and reports io-error
// or file-too-large (without reading a huge file into memory first).
std::optional<std::string> read_content_bytes(const std::string& path, std::size_t max_bytes,
                                              Diagnostics& out);

ContentFile load_content_file(const std::string& path, Diagnostics& out,
                              const LoadOptions& options = {});
// For content that did not come from disk (served by the classroom server, made in the editor).
ContentFile load_content_text(std::string name, std::string bytes, Diagnostics& out,
                              const LoadOptions& options = {});

}  // namespace upstander
