// Which source text each translation was made from, so that a translation whose source
// changed afterwards can be marked stale ("translations" in a scenario file).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "upstander/diagnostic.hpp"
#include "upstander/localized_text.hpp"
#include "upstander/source_loc.hpp"
#include "upstander/source_text.hpp"

namespace upstander {

struct Scenario;

// One translated text: its key (from for_each_text) and the fingerprint of the source
// text the translator saw.
struct TranslatedText {
  std::string key;
  std::string fingerprint;
  SourceLoc loc;  // of the key, for diagnostics
};

// The texts of one locale that were translated from another locale.
struct TranslationRecord {
  std::string locale;                 // the translation ("en")
  std::string from;                   // the language it was translated from ("ko")
  std::vector<TranslatedText> texts;  // canonical files keep them sorted by key
  SourceLoc loc;

  const TranslatedText* find(std::string_view key) const;
  // Adds or replaces the entry for `key`, keeping the list sorted.
  void set(std::string_view key, std::string fingerprint);
  bool erase(std::string_view key);
};

// A short, stable fingerprint of a text: 8 lowercase hex digits (32-bit FNV-1a of its
// UTF-8 bytes). Enough to notice an edit; not a security measure.
std::string text_fingerprint(std::string_view text);
bool is_fingerprint(std::string_view s);

// True when `text` has a `record.locale` version, the record has an entry for `key`, and
// the `record.from` version is no longer the text that was translated.
bool is_stale(const TranslationRecord& record, std::string_view key, const LocalizedText& text);

// Reports entries naming texts the scenario does not have (unknown-text) and translations
// whose source changed since they were made (stale-translation). Both are warnings.
void check_translations(const Scenario& s, const SourceText& source, Diagnostics& out);

}  // namespace upstander
