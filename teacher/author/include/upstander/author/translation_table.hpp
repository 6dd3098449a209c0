// The translator's spreadsheet: every text of a scenario as a CSV row (id, source text,
// translation, status), and applying a filled-in table back to the scenario with the
// fingerprint of the source text each translation was made from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "upstander/scenario.hpp"

namespace upstander::author {

enum class TranslationStatus { Translated, Missing, Stale };
std::string_view name_of(TranslationStatus s);

struct TranslationRow {
  std::string key;          // the stable text key (scenario_text.hpp)
  std::string source;       // the text in the source locale
  std::string translation;  // the text in the target locale, "" when missing
  TranslationStatus status = TranslationStatus::Missing;
};

// The locale a translation into `target` is made from: the one its record names, else the
// first declared locale that is not `target`; "" if there is none.
std::string default_source_locale(const Scenario& s, const std::string& target);

// Every text that has a source version, in for_each_text order.
std::vector<TranslationRow> translation_rows(const Scenario& s, const std::string& source,
                                             const std::string& target);
TranslationStatus translation_status(const Scenario& s, const std::string& key,
                                     const LocalizedText& text, const std::string& locale);

// UTF-8 with a byte-order mark, CRLF, header "id,source (ko),translation (en),status".
std::string write_translation_csv(const Scenario& s, const std::string& source,
                                  const std::string& target);

struct TranslationProblem {
  std::uint32_t line = 0;  // CSV line; 0 for the whole file
  std::string message;
};

struct TranslationImport {
  std::string source, target;              // from the header
  std::vector<TranslationProblem> errors;  // when not empty, the scenario was not changed
  std::vector<TranslationProblem> notes;  // applied, but worth a look (source changed since export)
  std::size_t applied = 0;                // translations set or confirmed
  std::size_t unchanged = 0;
  bool added_locale = false;  // the target was not yet declared in "locales"
};

// Checks the whole table first and changes `s` only if there are no errors: unknown or
// duplicate ids, malformed CSV and a wrong header are errors with the CSV line.
TranslationImport apply_translation_csv(Scenario& s, std::string_view csv);

struct Coverage {
  std::size_t total = 0;  // texts that exist in at least one locale
  std::size_t translated = 0;
  std::size_t stale = 0;
  std::size_t missing = 0;
};
// Per declared locale, in declaration order.
std::vector<std::pair<std::string, Coverage>> translation_coverage(const Scenario& s);

// Drops record entries for texts that no longer exist (after renames and deletions).
std::size_t prune_translation_records(Scenario& s);

}  // namespace upstander::author
