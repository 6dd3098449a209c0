// Reading request bodies strictly: valid UTF-8, valid JSON, no duplicate keys, bounded
// nesting; then each object's fields with their types, ranges and no unknown keys.
// The first problem becomes the API error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api_error.hpp"
#include "upstander/result.hpp"

namespace upstander::server {

struct BodyError {
  int status = 400;
  std::string code;
  std::string message;
  std::string pointer;  // RFC 6901 pointer to the field, "" for the whole body
  ApiResponse response() const;
};

// Parses `body` as one JSON object. Errors: invalid_utf8, malformed_json, duplicate_key,
// too_deep, wrong_type (not an object).
Result<nlohmann::json, BodyError> parse_object(std::string_view body, int max_depth = 8);

// Reads the fields of one object; remembers the first problem while the caller reads many
// fields, and finish() turns it into the result. Every key read is declared; finish()
// reports any other key as unknown_field. `pointer` locates the object in the body.
class FieldReader {
 public:
  explicit FieldReader(const nlohmann::json& object, std::string pointer = "");

  // Each returns nullopt when the field is absent (and reports missing_field if required)
  // or has a problem (reported). Ids follow the content format (a-z, 0-9, -, _; <= 64).
  std::optional<std::string> id(std::string_view key, bool required);
  std::optional<std::string> text(std::string_view key, bool required, std::size_t max_bytes);
  std::optional<std::int64_t> integer(std::string_view key, bool required, std::int64_t min,
                                      std::int64_t max);
  std::optional<bool> boolean(std::string_view key, bool required);
  // An array of ids, 1 to max_items long, without repeats.
  std::optional<std::vector<std::string>> id_list(std::string_view key, bool required,
                                                  std::size_t max_items);
  // The raw value, for fields read by the caller.
  const nlohmann::json* raw(std::string_view key, bool required);

  // The first problem, or any unknown key; call once, after every field is read.
  Result<void, BodyError> finish();
  bool ok() const { return error_.code.empty(); }

  void fail(int status, std::string code, std::string message, std::string_view key = {});

 private:
  const nlohmann::json* get(std::string_view key, bool required);
  std::string pointer_to(std::string_view key) const;

  const nlohmann::json& object_;
  std::string pointer_;
  BodyError error_;
  std::vector<std::string_view> known_;
};

bool is_content_id(std::string_view s);

}  // namespace upstander::server
