// The UI strings of one language (content/locale/<code>.json). Code never holds a
// user-facing sentence; it asks this table by key.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "upstander/diagnostic.hpp"
#include "upstander/json_value.hpp"
#include "upstander/read_context.hpp"
#include "upstander/source_text.hpp"

namespace upstander {

inline constexpr int kLocaleFormatVersion = 1;

struct LocaleEntry {
  std::string key;
  std::string value;
  std::uint32_t offset = kNoOffset;
};

struct LocaleStrings {
  std::string schema;
  std::string locale;  // "ko"
  std::string name;    // the language's own name, "한국어"
  std::vector<LocaleEntry> entries;
  std::unordered_map<std::string, std::size_t> index;
  std::uint32_t strings_offset = kNoOffset;

  const std::string* find(std::string_view key) const;
};

// `root` must be the document's top-level object with "type": "locale".
LocaleStrings read_locale_strings(ReadContext& ctx, const JsonValue& root);

// The {placeholders} of a string, sorted: "{count} of {total}" -> {"count", "total"}.
std::vector<std::string> placeholders_of(std::string_view s);

// Replaces {name} with its value; unknown placeholders are left as written so a missing
// argument is visible instead of silently blank.
std::string fill_placeholders(std::string_view s,
                              const std::vector<std::pair<std::string, std::string>>& args);

// Every key must exist in every language, with the same placeholders.
struct LocaleFile {
  const LocaleStrings* strings;
  const SourceText* source;
};
void check_locale_parity(const std::vector<LocaleFile>& files, Diagnostics& out);

}  // namespace upstander
