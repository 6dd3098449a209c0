// Strict request parsing on top of nlohmann::json's callback parser.
#include "strict_json.hpp"

#include <algorithm>
#include <unordered_set>

#include "upstander/object_reader.hpp"
#include "upstander/utf8.hpp"

namespace upstander::server {

ApiResponse BodyError::response() const {
  nlohmann::json details;
  if (!pointer.empty()) details = {{"pointer", pointer}};
  return error_response(status, code, message, details);
}

bool is_content_id(std::string_view s) {
  return is_valid_id(s);
}

Result<nlohmann::json, BodyError> parse_object(std::string_view body, int max_depth) {
  if (!utf8::is_valid(body))
    return fail(BodyError{400, "invalid_utf8", "the request body is not valid UTF-8", ""});
  // nlohmann keeps the last of two equal keys; a request saying two things is refused.
  std::vector<std::unordered_set<std::string>> keys;
  bool duplicate = false;
  bool too_deep = false;
  std::string duplicate_key;
  auto callback = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using E = nlohmann::json::parse_event_t;
    if (depth > max_depth) too_deep = true;
    switch (event) {
      case E::object_start: keys.emplace_back(); break;
      case E::object_end:
        if (!keys.empty()) keys.pop_back();
        break;
      case E::key:
        if (!keys.empty() && parsed.is_string() &&
            !keys.back().insert(parsed.get<std::string>()).second) {
          duplicate = true;
          duplicate_key = parsed.get<std::string>();
        }
        break;
      default: break;
    }
    return true;
  };
  nlohmann::json j =
      nlohmann::json::parse(body.begin(), body.end(), callback, /*allow_exceptions=*/false);
  if (j.is_discarded())
    return fail(BodyError{400, "malformed_json", "the request body is not valid JSON", ""});
  if (too_deep)
    return fail(BodyError{400, "too_deep", "the request body is nested too deeply", ""});
  if (duplicate) {
    return fail(BodyError{400, "duplicate_key",
                          "the key \"" + duplicate_key + "\" appears twice in one object", ""});
  }
  if (!j.is_object())
    return fail(BodyError{400, "wrong_type", "the request body must be a JSON object", ""});
  return j;
}

FieldReader::FieldReader(const nlohmann::json& object, std::string pointer)
    : object_(object), pointer_(std::move(pointer)) {}

std::string FieldReader::pointer_to(std::string_view key) const {
  std::string p = pointer_ + "/";
  for (char c : key) {
    if (c == '~')
      p += "~0";
    else if (c == '/')
      p += "~1";
    else
      p += c;
  }
  return p;
}

void FieldReader::fail(int status, std::string code, std::string message, std::string_view key) {
  if (!ok()) return;
  error_ = {status, std::move(code), std::move(message), key.empty() ? pointer_ : pointer_to(key)};
}

const nlohmann::json* FieldReader::get(std::string_view key, bool required) {
  known_.push_back(key);
  auto it = object_.find(key);
  if (it == object_.end()) {
    if (required) fail(400, "missing_field", "\"" + std::string(key) + "\" is required", key);
    return nullptr;
  }
  return &*it;
}

const nlohmann::json* FieldReader::raw(std::string_view key, bool required) {
  return get(key, required);
}

std::optional<std::string> FieldReader::text(std::string_view key, bool required,
                                             std::size_t max_bytes) {
  const nlohmann::json* v = get(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    fail(400, "wrong_type", "\"" + std::string(key) + "\" must be a string", key);
    return std::nullopt;
  }
  const auto& s = v->get_ref<const std::string&>();
  if (s.size() > max_bytes) {
    fail(422, "bad_value", "\"" + std::string(key) + "\" is too long", key);
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> FieldReader::id(std::string_view key, bool required) {
  auto s = text(key, required, kMaxIdLength);
  if (!s) return std::nullopt;
  if (!is_content_id(*s)) {
    fail(422, "bad_value", "\"" + std::string(key) + "\" is not a valid id", key);
    return std::nullopt;
  }
  return s;
}

std::optional<std::int64_t> FieldReader::integer(std::string_view key, bool required,
                                                 std::int64_t min, std::int64_t max) {
  const nlohmann::json* v = get(key, required);
  if (v == nullptr) return std::nullopt;
  std::int64_t n = 0;
  if (v->is_number_integer() && !v->is_number_unsigned()) {
    n = v->get<std::int64_t>();
  } else if (v->is_number_unsigned() &&
             v->get<std::uint64_t>() <= static_cast<std::uint64_t>(max)) {
    n = static_cast<std::int64_t>(v->get<std::uint64_t>());
  } else if (v->is_number_unsigned()) {
    fail(422, "out_of_range", "\"" + std::string(key) + "\" is out of range", key);
    return std::nullopt;
  } else {
    fail(400, "wrong_type", "\"" + std::string(key) + "\" must be a whole number", key);
    return std::nullopt;
  }
  if (n < min || n > max) {
    fail(422, "out_of_range",
         "\"" + std::string(key) + "\" must be between " + std::to_string(min) + " and " +
             std::to_string(max),
         key);
    return std::nullopt;
  }
  return n;
}

std::optional<bool> FieldReader::boolean(std::string_view key, bool required) {
  const nlohmann::json* v = get(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_boolean()) {
    fail(400, "wrong_type", "\"" + std::string(key) + "\" must be true or false", key);
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::vector<std::string>> FieldReader::id_list(std::string_view key, bool required,
                                                             std::size_t max_items) {
  const nlohmann::json* v = get(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_array()) {
    fail(400, "wrong_type", "\"" + std::string(key) + "\" must be a list", key);
    return std::nullopt;
  }
  if (v->empty() || v->size() > max_items) {
    fail(422, "bad_value",
         "\"" + std::string(key) + "\" must have 1 to " + std::to_string(max_items) + " entries",
         key);
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : *v) {
    if (!item.is_string()) {
      fail(400, "wrong_type", "\"" + std::string(key) + "\" must list strings", key);
      return std::nullopt;
    }
    const auto& s = item.get_ref<const std::string&>();
    if (!is_content_id(s)) {
      fail(422, "bad_value", "\"" + std::string(key) + "\" holds an invalid id", key);
      return std::nullopt;
    }
    if (std::find(out.begin(), out.end(), s) != out.end()) {
      fail(422, "bad_value", "\"" + std::string(key) + "\" lists \"" + s + "\" twice", key);
      return std::nullopt;
    }
    out.push_back(s);
  }
  return out;
}

Result<void, BodyError> FieldReader::finish() {
  if (!ok()) return upstander::fail(error_);
  for (const auto& [key, value] : object_.items()) {
    if (std::find(known_.begin(), known_.end(), key) == known_.end()) {
      fail(400, "unknown_field", "unknown field \"" + key.substr(0, 64) + "\"", key);
      return upstander::fail(error_);
    }
  }
  return {};
}

}  // namespace upstander::server
