// Reads the fields of one JSON object: required/optional with defaults at the call site,
// type and range checks, and unknown or duplicate keys reported when reading is finished.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "upstander/json_value.hpp"
#include "upstander/read_context.hpp"

namespace upstander {

// Ids are lowercase ASCII so they are the same in every editor, file system and URL.
inline constexpr std::size_t kMaxIdLength = 64;
bool is_valid_id(std::string_view id);

// The whole number (digits, optionally after "-") written at `offset`, or "" when what is
// written there is not one (a fraction, an exponent, anything else).
std::string_view whole_number_written_at(const SourceText& source, std::uint32_t offset);

class ObjectReader {
 public:
  // `what` names the object in messages: "a chat node", "the scenario", "a choice".
  ObjectReader(ReadContext& ctx, const JsonValue& object, std::string what);
  ObjectReader(const ObjectReader&) = delete;
  ObjectReader& operator=(const ObjectReader&) = delete;

  const JsonValue& object() const { return object_; }
  const std::string& what() const { return what_; }
  // Once the kind of a node is known, messages name it: "a chat node".
  void rename(std::string what) { what_ = std::move(what); }
  ReadContext& context() { return ctx_; }

  // Declares `key` as a field of this object and returns its value if present.
  const JsonValue* optional(std::string_view key);
  // As optional(); a missing key is reported as missing-field (with `fix` if given).
  const JsonValue* required(std::string_view key, std::string fix = {});
  // Declares a key without reading it (read elsewhere, or only checked for presence).
  void allow(std::string_view key) { known_.push_back(key); }
  bool has(std::string_view key) const { return object_.find(key) != nullptr; }

  // Reports wrong-type at `v` unless it has type `t` (a Float field accepts whole numbers).
  // An empty key means `v` is the list item the context currently points at.
  bool expect_type(const JsonValue& v, std::string_view key, JsonType t);

  std::optional<std::string> required_string(std::string_view key);
  std::string optional_string(std::string_view key, std::string fallback);
  std::optional<std::string> required_id(std::string_view key);
  std::optional<std::string> optional_id(std::string_view key);
  std::optional<std::int64_t> required_int(std::string_view key, std::int64_t min,
                                           std::int64_t max);
  std::int64_t optional_int(std::string_view key, std::int64_t fallback, std::int64_t min,
                            std::int64_t max);
  bool optional_bool(std::string_view key, bool fallback);
  // One word out of `allowed`.
  std::optional<std::string> required_enum(std::string_view key,
                                           const std::vector<std::string>& allowed);
  std::optional<std::string> optional_enum(std::string_view key,
                                           const std::vector<std::string>& allowed);

  // Checks a string value read by the caller as an id; reports bad-id.
  bool check_id(const JsonValue& v, std::string_view key);
  // Reports number-too-large when `v` is a whole number written too long for 64 bits
  // (the parser keeps those as floating point); returns whether it did.
  bool report_if_too_large(const JsonValue& v, std::string_view key, std::string fix);

  // Reports keys nobody asked for (likely typos) and keys given twice.
  void finish();

 private:
  std::optional<std::string> enum_value(const JsonValue& v, std::string_view key,
                                        const std::vector<std::string>& allowed);
  bool is_known(std::string_view key) const;
  void report_unknown(const JsonMember& m);
  void report_duplicate(const JsonMember& m, std::uint32_t first_offset);
  std::optional<std::int64_t> int_value(const JsonValue& v, std::string_view key, std::int64_t min,
                                        std::int64_t max);

  ReadContext& ctx_;
  const JsonValue& object_;
  std::string what_;
  std::vector<std::string_view> known_;
  bool finished_ = false;
};

}  // namespace upstander
