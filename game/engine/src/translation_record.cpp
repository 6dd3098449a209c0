// Translation records: fingerprints, lookups, and the stale and unknown-key checks.
#include "upstander/translation_record.hpp"

#include <algorithm>
#include <unordered_map>

#include "upstander/diagnostic_codes.hpp"
#include "upstander/field_readers.hpp"
#include "upstander/pointer_index.hpp"
#include "upstander/scenario.hpp"
#include "upstander/scenario_text.hpp"

namespace upstander {

namespace {

auto lower_bound_key(std::vector<TranslatedText>& texts, std::string_view key) {
  return std::lower_bound(texts.begin(), texts.end(), key,
                          [](const TranslatedText& t, std::string_view k) { return t.key < k; });
}

}  // namespace

const TranslatedText* TranslationRecord::find(std::string_view key) const {
  // Records read from a file may be unsorted until written back, so search linearly.
  for (const auto& t : texts) {
    if (t.key == key) return &t;
  }
  return nullptr;
}

void TranslationRecord::set(std::string_view key, std::string fingerprint) {
  for (auto& t : texts) {
    if (t.key == key) {
      t.fingerprint = std::move(fingerprint);
      return;
    }
  }
  texts.insert(lower_bound_key(texts, key),
               TranslatedText{std::string(key), std::move(fingerprint), {}});
}

bool TranslationRecord::erase(std::string_view key) {
  const auto it = std::find_if(texts.begin(), texts.end(),
                               [&](const TranslatedText& t) { return t.key == key; });
  if (it == texts.end()) return false;
  texts.erase(it);
  return true;
}

std::string text_fingerprint(std::string_view text) {
  std::uint32_t h = 2166136261u;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(8, '0');
  for (int i = 7; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kHex[h & 0xFu];
    h >>= 4;
  }
  return out;
}

bool is_fingerprint(std::string_view s) {
  return s.size() == 8 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

bool is_stale(const TranslationRecord& record, std::string_view key, const LocalizedText& text) {
  const TranslatedText* entry = record.find(key);
  const std::string* source = text.find(record.from);
  if (entry == nullptr || source == nullptr || text.find(record.locale) == nullptr) return false;
  return text_fingerprint(*source) != entry->fingerprint;
}

void check_translations(const Scenario& s, const SourceText& source, Diagnostics& out) {
  if (s.translations.empty()) return;
  std::unordered_map<std::string, const LocalizedText*> texts;
  for_each_text(s, [&](const std::string& key, const LocalizedText& t) { texts.emplace(key, &t); });
  PointerIndex pointers(source);
  for (const auto& record : s.translations) {
    for (const auto& entry : record.texts) {
      const auto it = texts.find(entry.key);
      if (it == texts.end()) {
        out.report(
            source, entry.loc.offset, Severity::Warning, codes::kUnknownText,
            pointers.at(entry.loc),
            "the scenario has no text \"" + entry.key +
                "\" (a node, choice or character was renamed or removed)",
            "remove this entry; the editor and `upstander-content strings import` do it for you");
      } else if (is_stale(record, entry.key, *it->second)) {
        out.report(
            source, entry.loc.offset, Severity::Warning, codes::kStaleTranslation,
            pointers.at(entry.loc),
            "the " + locale_display_name(record.from) + " text of \"" + entry.key +
                "\" changed after it was translated into " + locale_display_name(record.locale),
            "check the translation against the new text (`upstander-content strings export --lang " +
                record.locale + "` lists it as stale), then import it again");
      }
    }
  }
}

}  // namespace upstander
