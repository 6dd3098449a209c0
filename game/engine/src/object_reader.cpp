// Field access with diagnostics for the content loaders.
#include "upstander/object_reader.hpp"

#include <algorithm>
#include <unordered_map>

#include "upstander/diagnostic_codes.hpp"
#include "upstander/suggest.hpp"

namespace upstander {

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdLength) return false;
  auto ok_first = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!ok_first(id[0])) return false;
  for (char c : id) {
    if (!ok_first(c) && c != '-' && c != '_') return false;
  }
  return true;
}

ObjectReader::ObjectReader(ReadContext& ctx, const JsonValue& object, std::string what)
    : ctx_(ctx), object_(object), what_(std::move(what)) {}

const JsonValue* ObjectReader::optional(std::string_view key) {
  known_.push_back(key);
  return object_.find(key);
}

const JsonValue* ObjectReader::required(std::string_view key, std::string fix) {
  const JsonValue* v = optional(key);
  if (v == nullptr) {
    if (fix.empty())
      fix = "add \"" + std::string(key) + "\" to " + what_ + " (see content/FORMAT.md)";
    ctx_.report(object_.offset(), Severity::Error, codes::kMissingField, ctx_.pointer_to(key),
                what_ + " needs \"" + std::string(key) + "\"", std::move(fix));
  }
  return v;
}

std::string_view whole_number_written_at(const SourceText& source, std::uint32_t offset) {
  const std::string& b = source.bytes();
  if (offset >= b.size()) return {};
  std::size_t end = offset + (b[offset] == '-' ? 1 : 0);
  const std::size_t digits = end;
  while (end < b.size() && b[end] >= '0' && b[end] <= '9') ++end;
  if (end == digits || (end < b.size() && (b[end] == '.' || b[end] == 'e' || b[end] == 'E')))
    return {};
  return std::string_view(b).substr(offset, end - offset);
}

bool ObjectReader::report_if_too_large(const JsonValue& v, std::string_view key, std::string fix) {
  // The parser keeps whole numbers beyond 64 bits as floating point; say what is wrong
  // with them rather than "should be a whole number".
  if (!v.is(JsonType::Float)) return false;
  const std::string_view written = whole_number_written_at(ctx_.source(), v.offset());
  if (written.empty()) return false;
  constexpr std::size_t kShown = 40;
  const std::string shown = written.size() <= kShown
                                ? std::string(written)
                                : std::string(written.substr(0, kShown)) + "...";
  const std::string subject = key.empty() ? "this item" : "\"" + std::string(key) + "\"";
  ctx_.report(v.offset(), Severity::Error, codes::kNumberTooLarge,
              key.empty() ? ctx_.pointer() : ctx_.pointer_to(key),
              subject + " is " + shown + ": number too large", std::move(fix));
  return true;
}

bool ObjectReader::expect_type(const JsonValue& v, std::string_view key, JsonType t) {
  if (v.is(t) || (t == JsonType::Float && v.is(JsonType::Integer))) return true;
  if (t == JsonType::Integer &&
      report_if_too_large(v, key, "write a whole number of a sensible size"))
    return false;
  const std::string subject = key.empty() ? "this item" : "\"" + std::string(key) + "\"";
  ctx_.report(v.offset(), Severity::Error, codes::kWrongType,
              key.empty() ? ctx_.pointer() : ctx_.pointer_to(key),
              subject + " should be " + std::string(json_type_name(t)) + ", not " +
                  std::string(json_type_name(v.type())),
              t == JsonType::String ? "put the value in double quotes"
                                    : "see content/FORMAT.md for this field");
  return false;
}

std::optional<std::string> ObjectReader::required_string(std::string_view key) {
  const JsonValue* v = required(key);
  if (v == nullptr || !expect_type(*v, key, JsonType::String)) return std::nullopt;
  return v->as_string();
}

std::string ObjectReader::optional_string(std::string_view key, std::string fallback) {
  const JsonValue* v = optional(key);
  if (v == nullptr || !expect_type(*v, key, JsonType::String)) return fallback;
  return v->as_string();
}

bool ObjectReader::check_id(const JsonValue& v, std::string_view key) {
  if (is_valid_id(v.as_string())) return true;
  const std::string& id = v.as_string();
  std::string why = id.empty() ? "is empty"
                    : id.size() > kMaxIdLength
                        ? "is longer than " + std::to_string(kMaxIdLength) + " characters"
                        : "has characters other than a-z, 0-9, - and _";
  ctx_.report(
      v.offset(), Severity::Error, codes::kBadId, ctx_.pointer_to(key),
      "the id \"" + id + "\" " + why,
      "use lowercase English letters, digits, - and _, starting with a letter or digit (e.g. \"group-chat-2\")");
  return false;
}

std::optional<std::string> ObjectReader::required_id(std::string_view key) {
  const JsonValue* v = required(key);
  if (v == nullptr || !expect_type(*v, key, JsonType::String) || !check_id(*v, key))
    return std::nullopt;
  return v->as_string();
}

std::optional<std::string> ObjectReader::optional_id(std::string_view key) {
  const JsonValue* v = optional(key);
  if (v == nullptr || !expect_type(*v, key, JsonType::String) || !check_id(*v, key))
    return std::nullopt;
  return v->as_string();
}

std::optional<std::int64_t> ObjectReader::int_value(const JsonValue& v, std::string_view key,
                                                    std::int64_t min, std::int64_t max) {
  if (report_if_too_large(
          v, key, "use a number from " + std::to_string(min) + " to " + std::to_string(max))) {
    return std::nullopt;
  }
  if (!v.is(JsonType::Integer)) {
    ctx_.report(v.offset(), Severity::Error, codes::kWrongType, ctx_.pointer_to(key),
                "\"" + std::string(key) + "\" should be a whole number, not " +
                    std::string(json_type_name(v.type())),
                "write a number without quotes or decimals, e.g. 3");
    return std::nullopt;
  }
  if (v.as_int() < min || v.as_int() > max) {
    ctx_.report(v.offset(), Severity::Error, codes::kBadValue, ctx_.pointer_to(key),
                "\"" + std::string(key) + "\" is " + std::to_string(v.as_int()) +
                    ", outside the allowed range",
                "use a number from " + std::to_string(min) + " to " + std::to_string(max));
    return std::nullopt;
  }
  return v.as_int();
}

std::optional<std::int64_t> ObjectReader::required_int(std::string_view key, std::int64_t min,
                                                       std::int64_t max) {
  const JsonValue* v = required(key);
  if (v == nullptr) return std::nullopt;
  return int_value(*v, key, min, max);
}

std::int64_t ObjectReader::optional_int(std::string_view key, std::int64_t fallback,
                                        std::int64_t min, std::int64_t max) {
  const JsonValue* v = optional(key);
  if (v == nullptr) return fallback;
  return int_value(*v, key, min, max).value_or(fallback);
}

bool ObjectReader::optional_bool(std::string_view key, bool fallback) {
  const JsonValue* v = optional(key);
  if (v == nullptr || !expect_type(*v, key, JsonType::Bool)) return fallback;
  return v->as_bool();
}

std::optional<std::string> ObjectReader::enum_value(const JsonValue& v, std::string_view key,
                                                    const std::vector<std::string>& allowed) {
  if (!expect_type(v, key, JsonType::String)) return std::nullopt;
  for (const auto& a : allowed) {
    if (a == v.as_string()) return a;
  }
  std::vector<std::string> quoted;
  for (const auto& a : allowed) quoted.push_back("\"" + a + "\"");
  ctx_.report(v.offset(), Severity::Error, codes::kBadValue, ctx_.pointer_to(key),
              "\"" + v.as_string() + "\" is not a possible value of \"" + std::string(key) + "\"" +
                  did_you_mean(v.as_string(), allowed),
              "use one of " + join_list(quoted));
  return std::nullopt;
}

std::optional<std::string> ObjectReader::required_enum(std::string_view key,
                                                       const std::vector<std::string>& allowed) {
  const JsonValue* v = required(key);
  if (v == nullptr) return std::nullopt;
  return enum_value(*v, key, allowed);
}

std::optional<std::string> ObjectReader::optional_enum(std::string_view key,
                                                       const std::vector<std::string>& allowed) {
  const JsonValue* v = optional(key);
  if (v == nullptr) return std::nullopt;
  return enum_value(*v, key, allowed);
}

bool ObjectReader::is_known(std::string_view key) const {
  for (auto k : known_) {
    if (k == key) return true;
  }
  return false;
}

void ObjectReader::report_unknown(const JsonMember& m) {
  std::vector<std::string> known;
  for (auto k : known_) {
    if (std::find(known.begin(), known.end(), k) == known.end()) known.emplace_back(k);
  }
  std::string fix =
      known.empty() ? "remove it" : "the fields of " + what_ + " are " + join_list(known, " and ");
  ctx_.report(m.key_offset, Severity::Error, codes::kUnknownKey, ctx_.pointer_to(m.key),
              "\"" + m.key + "\" is not a field of " + what_ + did_you_mean(m.key, known),
              std::move(fix));
}

void ObjectReader::report_duplicate(const JsonMember& m, std::uint32_t first_offset) {
  const LineColumn first = ctx_.source().locate(first_offset);
  ctx_.report(m.key_offset, Severity::Error, codes::kDuplicateKey, ctx_.pointer_to(m.key),
              "\"" + m.key + "\" appears twice in " + what_ + "; the first is on line " +
                  std::to_string(first.line),
              "keep one of them: JSON readers silently use only one");
}

void ObjectReader::finish() {
  if (finished_) return;
  finished_ = true;
  const auto& members = object_.members();
  // Content objects have a handful of keys: compare pairwise without allocating; fall
  // back to a hash map only for large (usually hostile) objects.
  if (members.size() <= 32) {
    for (std::size_t i = 0; i < members.size(); ++i) {
      const JsonMember& m = members[i];
      std::size_t j = 0;
      while (j < i && members[j].key != m.key) ++j;
      if (j < i) {
        report_duplicate(m, members[j].key_offset);
      } else if (!is_known(m.key)) {
        report_unknown(m);
      }
    }
    return;
  }
  std::unordered_map<std::string_view, std::uint32_t> first_offset;
  for (const auto& m : members) {
    auto [it, inserted] = first_offset.emplace(m.key, m.key_offset);
    if (!inserted) {
      report_duplicate(m, it->second);
    } else if (!is_known(m.key)) {
      report_unknown(m);
    }
  }
}

}  // namespace upstander
