// Reading UI string tables and checking that languages agree.
#include "upstander/locale_strings.hpp"

#include <algorithm>
#include <set>

#include "upstander/diagnostic_codes.hpp"
#include "upstander/field_readers.hpp"
#include "upstander/object_reader.hpp"
#include "upstander/scenario_reader.hpp"
#include "upstander/suggest.hpp"

namespace upstander {

const std::string* LocaleStrings::find(std::string_view key) const {
  auto it = index.find(std::string(key));
  return it == index.end() ? nullptr : &entries[it->second].value;
}

namespace {
bool is_key(std::string_view k) {
  if (k.empty() || k.size() > 96) return false;
  for (char c : k) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-'))
      return false;
  }
  return true;
}
}  // namespace

LocaleStrings read_locale_strings(ReadContext& ctx, const JsonValue& root) {
  LocaleStrings l;
  ObjectReader r(ctx, root, "a locale file");
  r.allow("type");
  l.schema = r.optional_string("$schema", "");
  read_format_version(r, kLocaleFormatVersion);
  if (const JsonValue* code = r.required("locale")) {
    if (code->is(JsonType::String) && is_valid_locale_code(code->as_string())) {
      l.locale = code->as_string();
    } else {
      ctx.report(code->offset(), Severity::Error, codes::kBadValue, "/locale",
                 "\"locale\" should be a language code such as \"ko\"",
                 "write the two-letter code of the language of this file");
    }
  }
  l.name = r.required_string("name").value_or("");
  const JsonValue* strings = r.required("strings");
  if (strings && r.expect_type(*strings, "strings", JsonType::Object)) {
    l.strings_offset = strings->offset();
    auto scope = ctx.at("strings");
    for (const auto& m : strings->members()) {
      if (!is_key(m.key)) {
        ctx.report(m.key_offset, Severity::Error, codes::kBadId, ctx.pointer_to(m.key),
                   "\"" + m.key + "\" is not a valid string key",
                   "use lowercase letters, digits, '.', '_' and '-'");
        continue;
      }
      if (!m.value.is(JsonType::String)) {
        ctx.report(m.value.offset(), Severity::Error, codes::kWrongType, ctx.pointer_to(m.key),
                   "the string should be text in quotes, not " +
                       std::string(json_type_name(m.value.type())),
                   "put the text in double quotes");
        continue;
      }
      if (m.value.as_string().empty()) {
        ctx.report(m.value.offset(), Severity::Error, codes::kEmptyText, ctx.pointer_to(m.key),
                   "the string is empty", "write the text for this language");
      }
      auto [it, inserted] = l.index.emplace(m.key, l.entries.size());
      if (!inserted) {
        ctx.report(m.key_offset, Severity::Error, codes::kDuplicateKey, ctx.pointer_to(m.key),
                   "\"" + m.key + "\" appears twice", "keep one of them");
        continue;
      }
      l.entries.push_back({m.key, m.value.as_string(), m.value.offset()});
    }
  }
  r.finish();
  return l;
}

std::vector<std::string> placeholders_of(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while ((i = s.find('{', i)) != std::string_view::npos) {
    const std::size_t close = s.find('}', i);
    if (close == std::string_view::npos) break;
    out.emplace_back(s.substr(i + 1, close - i - 1));
    i = close + 1;
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string fill_placeholders(std::string_view s,
                              const std::vector<std::pair<std::string, std::string>>& args) {
  std::string out;
  out.reserve(s.size() + 16);
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '{') {
      const std::size_t close = s.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view name = s.substr(i + 1, close - i - 1);
        auto it =
            std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
        if (it != args.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += s[i++];
  }
  return out;
}

void check_locale_parity(const std::vector<LocaleFile>& files, Diagnostics& out) {
  std::set<std::string> all_keys;
  for (const auto& f : files) {
    for (const auto& e : f.strings->entries) all_keys.insert(e.key);
  }
  for (const auto& f : files) {
    for (const auto& key : all_keys) {
      if (f.strings->find(key) != nullptr) continue;
      std::string have;
      for (const auto& g : files) {
        if (g.strings->find(key)) have += (have.empty() ? "" : ", ") + g.strings->locale;
      }
      out.report(*f.source, f.strings->strings_offset, Severity::Error, codes::kLocaleKeyMissing,
                 "/strings/" + escape_pointer_segment(key),
                 "\"" + key + "\" is missing in this language (it exists in " + have + ")",
                 "add \"" + key + "\" with the text in " +
                     (f.strings->name.empty() ? f.strings->locale : f.strings->name));
    }
  }
  if (files.empty()) return;
  const LocaleFile& reference = files.front();
  for (std::size_t i = 1; i < files.size(); ++i) {
    const LocaleFile& f = files[i];
    for (const auto& e : f.strings->entries) {
      const std::string* ref = reference.strings->find(e.key);
      if (ref == nullptr) continue;
      if (placeholders_of(*ref) != placeholders_of(e.value)) {
        std::vector<std::string> expected;
        for (const auto& p : placeholders_of(*ref)) expected.push_back("{" + p + "}");
        out.report(*f.source, e.offset, Severity::Error, codes::kPlaceholderMismatch,
                   "/strings/" + escape_pointer_segment(e.key),
                   "the placeholders differ from the " + reference.strings->locale + " text",
                   expected.empty()
                       ? std::string("remove the {placeholders}: the game fills in nothing here")
                       : "use exactly " + join_list(expected, " and ") + ", as in the " +
                             reference.strings->locale + " text");
      }
    }
  }
}

}  // namespace upstander
