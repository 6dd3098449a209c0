// Shared value readers: texts, locales, URLs, references.
#include "upstander/field_readers.hpp"

#include "upstander/diagnostic_codes.hpp"
#include "upstander/text_hygiene.hpp"
#include "upstander/utf8.hpp"

namespace upstander {

std::string locale_display_name(std::string_view locale) {
  if (locale == "ko") return "Korean (\"ko\")";
  if (locale == "en") return "English (\"en\")";
  if (locale == "ja") return "Japanese (\"ja\")";
  if (locale == "zh") return "Chinese (\"zh\")";
  return "\"" + std::string(locale) + "\"";
}

bool is_valid_locale_code(std::string_view l) {
  // "ko", "en", or a region variant such as "en-GB".
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (l.size() == 2) return lower(l[0]) && lower(l[1]);
  if (l.size() == 5) return lower(l[0]) && lower(l[1]) && l[2] == '-' && upper(l[3]) && upper(l[4]);
  return false;
}

bool is_http_url(std::string_view s) {
  std::string_view rest;
  if (s.rfind("https://", 0) == 0)
    rest = s.substr(8);
  else if (s.rfind("http://", 0) == 0)
    rest = s.substr(7);
  else
    return false;
  if (rest.empty() || rest[0] == '/' || rest[0] == '.') return false;
  for (char c : rest) {
    if (static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>') return false;
  }
  return true;
}

namespace {

bool is_blank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') return false;
  }
  return true;
}

LocalizedText read_text_value(ObjectReader& r, const JsonValue& v, std::string_view key,
                              std::size_t limit) {
  ReadContext& ctx = r.context();
  LocalizedText text;
  if (!v.is(JsonType::Object)) {
    std::string example = "{";
    for (std::size_t i = 0; i < ctx.locales.size(); ++i)
      example += (i ? ", \"" : "\"") + ctx.locales[i] + "\": \"...\"";
    example += "}";
    ctx.report(v.offset(), Severity::Error, codes::kWrongType, ctx.pointer_to(key),
               "\"" + std::string(key) + "\" should be an object with one text per language, not " +
                   std::string(json_type_name(v.type())),
               "write it as " + example);
    return text;
  }
  auto scope = ctx.at(key);
  for (const auto& m : v.members()) {
    bool declared = false;
    for (const auto& l : ctx.locales) declared = declared || l == m.key;
    if (!declared) {
      ctx.report(
          m.key_offset, Severity::Error, codes::kUndeclaredLocale, ctx.pointer_to(m.key),
          "this text has a " + locale_display_name(m.key) +
              " version, but the file's \"locales\" does not list it",
          "add \"" + m.key + "\" to \"locales\" at the top of the file, or remove this entry");
      continue;
    }
    if (!m.value.is(JsonType::String)) {
      ctx.report(m.value.offset(), Severity::Error, codes::kWrongType, ctx.pointer_to(m.key),
                 "the " + locale_display_name(m.key) + " text should be text in quotes, not " +
                     std::string(json_type_name(m.value.type())),
                 "put the text in double quotes");
      continue;
    }
    const std::string& s = m.value.as_string();
    if (is_blank(s)) {
      ctx.report(m.value.offset(), Severity::Error, codes::kEmptyText, ctx.pointer_to(m.key),
                 "the " + locale_display_name(m.key) + " text is empty",
                 "write the text, or remove the field if it is optional");
    } else if (const std::size_t n = utf8::count_code_points(s); n > limit) {
      ctx.report(m.value.offset(), Severity::Warning, codes::kTextTooLong, ctx.pointer_to(m.key),
                 "the " + locale_display_name(m.key) + " text is " + std::to_string(n) +
                     " characters; this place on the phone holds " + std::to_string(limit),
                 "shorten it, or split it into two messages or cards");
    }
    if (!is_blank(s)) check_text_hygiene(ctx, m.value.offset(), m.key, s);
    // The loader owns the tree and reads each text once (see read_scenario), so the
    // string can be taken instead of copied.
    text.set(m.key, std::move(const_cast<std::string&>(s)));
  }
  for (const auto& l : ctx.locales) {
    if (v.find(l) == nullptr) {
      ctx.report(
          v.offset(), Severity::Error, codes::kMissingTranslation, ctx.pointer_to(l),
          "the " + locale_display_name(l) + " text is missing",
          "add \"" + l + "\": \"...\"; every text needs each language listed in \"locales\"");
    }
  }
  // Duplicate locale keys inside a text are as confusing as any duplicate key.
  const auto& members = v.members();
  for (std::size_t i = 1; i < members.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (members[i].key != members[j].key) continue;
      ctx.report(members[i].key_offset, Severity::Error, codes::kDuplicateKey,
                 ctx.pointer_to(members[i].key),
                 "this text has two " + locale_display_name(members[i].key) +
                     " versions; the first is on line " +
                     std::to_string(ctx.source().locate(members[j].key_offset).line),
                 "keep one of them");
      break;
    }
  }
  return text;
}

}  // namespace

LocalizedText required_text(ObjectReader& r, std::string_view key, std::size_t limit) {
  const JsonValue* v = r.required(key);
  return v ? read_text_value(r, *v, key, limit) : LocalizedText{};
}

LocalizedText optional_text(ObjectReader& r, std::string_view key, std::size_t limit) {
  const JsonValue* v = r.optional(key);
  return v ? read_text_value(r, *v, key, limit) : LocalizedText{};
}

std::vector<std::string> read_locales(ObjectReader& r) {
  ReadContext& ctx = r.context();
  std::vector<std::string> locales;
  const JsonValue* v = r.required(
      "locales", "add \"locales\": [\"ko\", \"en\"] listing the languages of every text");
  if (v == nullptr || !r.expect_type(*v, "locales", JsonType::Array)) return locales;
  auto scope = ctx.at("locales");
  for (std::size_t i = 0; i < v->items().size(); ++i) {
    const JsonValue& item = v->items()[i];
    if (!item.is(JsonType::String) || !is_valid_locale_code(item.as_string())) {
      ctx.report(item.offset(), Severity::Error, codes::kBadValue,
                 ctx.pointer() + "/" + std::to_string(i),
                 "a locale should be a language code such as \"ko\" or \"en\"",
                 "use a two-letter language code in quotes, optionally with a region: \"en-GB\"");
      continue;
    }
    bool seen = false;
    for (const auto& l : locales) seen = seen || l == item.as_string();
    if (seen) {
      ctx.report(item.offset(), Severity::Error, codes::kDuplicateId,
                 ctx.pointer() + "/" + std::to_string(i),
                 "\"" + item.as_string() + "\" is listed twice", "list each language once");
      continue;
    }
    locales.push_back(item.as_string());
  }
  if (locales.empty() && v->items().empty()) {
    ctx.report(v->offset(), Severity::Error, codes::kBadValue, ctx.pointer(),
               "\"locales\" is empty", "list at least one language, e.g. [\"ko\", \"en\"]");
  }
  ctx.locales = locales;
  return locales;
}

std::optional<std::string> required_url(ObjectReader& r, std::string_view key) {
  std::optional<std::string> url = r.required_string(key);
  if (!url) return std::nullopt;
  if (!is_http_url(*url)) {
    const JsonValue* v = r.object().find(key);
    r.context().report(v->offset(), Severity::Error, codes::kBadUrl, r.context().pointer_to(key),
                       "\"" + *url + "\" is not a web address",
                       "give the full address starting with https:// so schools can check it");
    return std::nullopt;
  }
  return url;
}

std::vector<std::string> optional_url_list(ObjectReader& r, std::string_view key) {
  std::vector<std::string> urls;
  for_each_item(r, r.optional(key), key, [&](std::size_t, const JsonValue& item) {
    ReadContext& ctx = r.context();
    if (!item.is(JsonType::String) || !is_http_url(item.as_string())) {
      ctx.error(item.offset(), codes::kBadUrl, "this is not a web address",
                "give the full address in quotes, starting with https://");
      return;
    }
    urls.push_back(item.as_string());
  });
  return urls;
}

namespace {
std::optional<IdRef> make_ref(ObjectReader& r, const JsonValue* v, std::string_view key) {
  if (v == nullptr || !r.expect_type(*v, key, JsonType::String) || !r.check_id(*v, key))
    return std::nullopt;
  return IdRef{v->as_string(), SourceLoc{v->offset()}, -1};
}
}  // namespace

std::optional<IdRef> required_ref(ObjectReader& r, std::string_view key) {
  return make_ref(r, r.required(key), key);
}

std::optional<IdRef> optional_ref(ObjectReader& r, std::string_view key) {
  return make_ref(r, r.optional(key), key);
}

}  // namespace upstander
