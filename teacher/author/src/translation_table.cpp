// Translation export to CSV, import from CSV, coverage and record upkeep.
#include "upstander/author/translation_table.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "upstander/author/csv.hpp"
#include "upstander/author/text_slots.hpp"
#include "upstander/field_readers.hpp"
#include "upstander/scenario_text.hpp"

namespace upstander::author {

namespace {

const TranslationRecord* find_record(const Scenario& s, std::string_view locale) {
  for (const auto& r : s.translations) {
    if (r.locale == locale) return &r;
  }
  return nullptr;
}

TranslationRecord& ensure_record(Scenario& s, const std::string& locale, const std::string& from) {
  for (auto& r : s.translations) {
    if (r.locale == locale) return r;
  }
  TranslationRecord r;
  r.locale = locale;
  r.from = from;
  s.translations.push_back(std::move(r));
  std::sort(s.translations.begin(), s.translations.end(),
            [](const auto& a, const auto& b) { return a.locale < b.locale; });
  for (auto& rec : s.translations) {
    if (rec.locale == locale) return rec;
  }
  return s.translations.back();  // not reached
}

bool is_declared(const Scenario& s, std::string_view locale) {
  return std::find(s.locales.begin(), s.locales.end(), locale) != s.locales.end();
}

std::string trim(std::string_view v) {
  const auto b = v.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  const auto e = v.find_last_not_of(" \t\r\n");
  return std::string(v.substr(b, e - b + 1));
}

// "source (ko)" -> "ko"; "" when the header cell does not have that shape.
std::string header_locale(std::string_view cell, std::string_view word) {
  const std::string c = trim(cell);
  const std::string prefix = std::string(word) + " (";
  if (c.size() < prefix.size() + 2 || c.compare(0, prefix.size(), prefix) != 0 || c.back() != ')')
    return "";
  const std::string code = c.substr(prefix.size(), c.size() - prefix.size() - 1);
  return is_valid_locale_code(code) ? code : "";
}

struct PlannedRow {
  std::uint32_t line;
  std::string key;
  std::string source;
  std::string translation;
};

bool read_header(const CsvRecord& h, TranslationImport& out) {
  const bool shape = h.fields.size() >= 3 && trim(h.fields[0]) == "id";
  out.source = shape ? header_locale(h.fields[1], "source") : "";
  out.target = shape ? header_locale(h.fields[2], "translation") : "";
  if (!shape || out.source.empty() || out.target.empty()) {
    out.errors.push_back(
        {h.line,
         "the first line should be the header: id,source (ko),translation (en),status "
         "(export a fresh table with upstander-content strings export)"});
    return false;
  }
  if (out.source == out.target) {
    out.errors.push_back(
        {h.line, "the source and the translation are both \"" + out.source + "\""});
    return false;
  }
  return true;
}

std::vector<PlannedRow> plan_rows(const CsvTable& table,
                                  const std::unordered_set<std::string>& keys,
                                  TranslationImport& out) {
  std::vector<PlannedRow> planned;
  std::unordered_map<std::string, std::uint32_t> seen;
  for (std::size_t i = 1; i < table.records.size(); ++i) {
    const CsvRecord& r = table.records[i];
    if (std::all_of(r.fields.begin(), r.fields.end(),
                    [](const std::string& f) { return trim(f).empty(); }))
      continue;
    if (r.fields.size() < 3) {
      out.errors.push_back({r.line, "expected the columns id, source, translation, status; found " +
                                        std::to_string(r.fields.size())});
      continue;
    }
    const std::string key = trim(r.fields[0]);
    if (keys.count(key) == 0) {
      out.errors.push_back(
          {r.line, "the scenario has no text with the id \"" + key +
                       "\" (was the node or choice renamed? export a fresh table)"});
      continue;
    }
    if (auto [it, inserted] = seen.emplace(key, r.line); !inserted) {
      out.errors.push_back(
          {r.line, "the id \"" + key + "\" is also on line " + std::to_string(it->second)});
      continue;
    }
    planned.push_back({r.line, key, r.fields[1], r.fields[2]});
  }
  return planned;
}

}  // namespace

std::string_view name_of(TranslationStatus s) {
  switch (s) {
    case TranslationStatus::Translated: return "translated";
    case TranslationStatus::Missing: return "missing";
    case TranslationStatus::Stale: return "stale";
  }
  return "?";
}

std::string default_source_locale(const Scenario& s, const std::string& target) {
  if (const TranslationRecord* r = find_record(s, target); r && !r->from.empty()) return r->from;
  for (const auto& l : s.locales) {
    if (l != target) return l;
  }
  return "";
}

TranslationStatus translation_status(const Scenario& s, const std::string& key,
                                     const LocalizedText& text, const std::string& locale) {
  if (text.find(locale) == nullptr) return TranslationStatus::Missing;
  const TranslationRecord* r = find_record(s, locale);
  return r && is_stale(*r, key, text) ? TranslationStatus::Stale : TranslationStatus::Translated;
}

std::vector<TranslationRow> translation_rows(const Scenario& s, const std::string& source,
                                             const std::string& target) {
  std::vector<TranslationRow> rows;
  for_each_slot(s, [&](const TextSlot& slot, const LocalizedText& text) {
    const std::string* src = text.find(source);
    if (src == nullptr) return;
    const std::string* tr = text.find(target);
    rows.push_back({slot.key, *src, tr ? *tr : "", translation_status(s, slot.key, text, target)});
  });
  return rows;
}

std::string write_translation_csv(const Scenario& s, const std::string& source,
                                  const std::string& target) {
  std::string out(kUtf8Bom);
  out += csv_record({"id", "source (" + source + ")", "translation (" + target + ")", "status"});
  for (const auto& r : translation_rows(s, source, target)) {
    out += csv_record({r.key, r.source, r.translation, std::string(name_of(r.status))});
  }
  return out;
}

TranslationImport apply_translation_csv(Scenario& s, std::string_view csv) {
  TranslationImport out;
  const CsvTable table = parse_csv(csv);
  for (const auto& p : table.problems) out.errors.push_back({p.line, p.message});
  if (table.records.empty()) {
    out.errors.push_back({0, "the file has no rows"});
    return out;
  }
  if (!read_header(table.records.front(), out)) return out;
  if (!is_declared(s, out.source)) {
    out.errors.push_back({table.records.front().line,
                          "the scenario has no \"" + out.source + "\" texts to translate from"});
  }
  if (const TranslationRecord* r = find_record(s, out.target); r && r->from != out.source) {
    out.errors.push_back({table.records.front().line,
                          "the " + out.target + " texts were translated from \"" + r->from +
                              "\", but this table is from \"" + out.source + "\""});
  }
  std::unordered_map<std::string, LocalizedText*> slots;
  for_each_slot(s,
                [&](const TextSlot& slot, LocalizedText& text) { slots.emplace(slot.key, &text); });
  std::unordered_set<std::string> keys;
  for (const auto& [k, _] : slots) keys.insert(k);
  const std::vector<PlannedRow> planned = plan_rows(table, keys, out);
  if (!out.errors.empty()) return out;

  if (!is_declared(s, out.target)) {
    s.locales.push_back(out.target);
    out.added_locale = true;
  }
  TranslationRecord& record = ensure_record(s, out.target, out.source);
  // One lookup table for the whole import: TranslationRecord::set is linear per call.
  std::unordered_map<std::string, std::string> fingerprints;
  for (const auto& t : record.texts) fingerprints.emplace(t.key, t.fingerprint);
  for (const auto& row : planned) {
    LocalizedText& text = *slots.at(row.key);
    const std::string* current = text.find(out.source);
    const std::string translation = row.translation;
    if (trim(translation).empty()) continue;
    if (current == nullptr) {
      out.notes.push_back(
          {row.line, "\"" + row.key + "\" has no " + out.source + " text any more; not imported"});
      continue;
    }
    if (*current != row.source) {
      out.notes.push_back(
          {row.line, "the " + out.source + " text of \"" + row.key +
                         "\" changed since this table was exported; imported and marked stale"});
    }
    const std::string fingerprint = text_fingerprint(row.source);
    const std::string* before = text.find(out.target);
    const auto entry = fingerprints.find(row.key);
    if (before && *before == translation && entry != fingerprints.end() &&
        entry->second == fingerprint) {
      ++out.unchanged;
      continue;
    }
    set_localized(text, out.target, translation, s.locales);
    fingerprints[row.key] = fingerprint;
    ++out.applied;
  }
  record.texts.clear();
  for (auto& [key, fp] : fingerprints) record.texts.push_back(TranslatedText{key, fp, {}});
  std::sort(record.texts.begin(), record.texts.end(),
            [](const auto& a, const auto& b) { return a.key < b.key; });
  prune_translation_records(s);
  return out;
}

std::vector<std::pair<std::string, Coverage>> translation_coverage(const Scenario& s) {
  std::vector<std::pair<std::string, Coverage>> out;
  for (const auto& l : s.locales) out.emplace_back(l, Coverage{});
  for_each_slot(s, [&](const TextSlot& slot, const LocalizedText& text) {
    if (text.empty()) return;
    for (auto& [locale, c] : out) {
      ++c.total;
      switch (translation_status(s, slot.key, text, locale)) {
        case TranslationStatus::Translated: ++c.translated; break;
        case TranslationStatus::Stale: ++c.stale; break;
        case TranslationStatus::Missing: ++c.missing; break;
      }
    }
  });
  return out;
}

std::size_t prune_translation_records(Scenario& s) {
  std::unordered_set<std::string> keys;
  for_each_text(s, [&](const std::string& key, const LocalizedText&) { keys.insert(key); });
  std::size_t removed = 0;
  for (auto& r : s.translations) {
    removed += static_cast<std::size_t>(
        std::erase_if(r.texts, [&](const TranslatedText& t) { return keys.count(t.key) == 0; }));
  }
  return removed;
}

}  // namespace upstander::author
