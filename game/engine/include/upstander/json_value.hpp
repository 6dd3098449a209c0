// A parsed JSON document that remembers where each value and key starts in the file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace upstander {

enum class JsonType : std::uint8_t { Null, Bool, Integer, Float, String, Array, Object };

// How a type reads in a message to an author: "text", "a list", ...
std::string_view json_type_name(JsonType t);

struct JsonMember;

class JsonValue {
 public:
  using Array = std::vector<JsonValue>;
  using Object =
      std::vector<JsonMember>;  // document order; duplicates kept so they can be reported

  // Constructors and accessors are defined below JsonMember: the variant needs that type
  // complete (clang insists; GCC is lenient).
  JsonValue();
  JsonValue(std::nullptr_t, std::uint32_t offset);
  JsonValue(bool b, std::uint32_t offset);
  JsonValue(std::int64_t i, std::uint32_t offset);
  JsonValue(double d, std::uint32_t offset);
  JsonValue(std::string s, std::uint32_t offset);
  JsonValue(Array a, std::uint32_t offset);
  JsonValue(Object o, std::uint32_t offset);

  JsonType type() const;
  std::uint32_t offset() const { return offset_; }
  bool is(JsonType t) const { return type() == t; }
  bool is_number() const { return is(JsonType::Integer) || is(JsonType::Float); }

  // Accessors assume the caller checked type(); they are not a conversion API.
  bool as_bool() const;
  std::int64_t as_int() const;
  double as_double() const;
  const std::string& as_string() const;
  std::string& as_string();
  const Array& items() const;
  Array& items();
  const Object& members() const;
  Object& members();

  // First member with this key, or nullptr (also when this is not an object).
  const JsonValue* find(std::string_view key) const;
  // Offset of the member's value, or kNoOffset (0xFFFFFFFF) when it is absent.
  std::uint32_t offset_of(std::string_view key) const {
    const JsonValue* v = find(key);
    return v ? v->offset() : 0xFFFFFFFFu;
  }

 private:
  // The index order matches JsonType.
  std::variant<std::nullptr_t, bool, std::int64_t, double, std::string, Array, Object> data_;
  std::uint32_t offset_ = 0;
};

struct JsonMember {
  std::string key;
  std::uint32_t key_offset = 0;
  JsonValue value;
};

inline JsonValue::JsonValue() = default;
inline JsonValue::JsonValue(std::nullptr_t, std::uint32_t offset) : offset_(offset) {}
inline JsonValue::JsonValue(bool b, std::uint32_t offset) : data_(b), offset_(offset) {}
inline JsonValue::JsonValue(std::int64_t i, std::uint32_t offset) : data_(i), offset_(offset) {}
inline JsonValue::JsonValue(double d, std::uint32_t offset) : data_(d), offset_(offset) {}
inline JsonValue::JsonValue(std::string s, std::uint32_t offset)
    : data_(std::move(s)), offset_(offset) {}
inline JsonValue::JsonValue(Array a, std::uint32_t offset) : data_(std::move(a)), offset_(offset) {}
inline JsonValue::JsonValue(Object o, std::uint32_t offset)
    : data_(std::move(o)), offset_(offset) {}

inline JsonType JsonValue::type() const {
  return static_cast<JsonType>(data_.index());
}
inline bool JsonValue::as_bool() const {
  return std::get<bool>(data_);
}
inline std::int64_t JsonValue::as_int() const {
  return std::get<std::int64_t>(data_);
}
inline const std::string& JsonValue::as_string() const {
  return std::get<std::string>(data_);
}
inline std::string& JsonValue::as_string() {
  return std::get<std::string>(data_);
}
inline const JsonValue::Array& JsonValue::items() const {
  return std::get<Array>(data_);
}
inline JsonValue::Array& JsonValue::items() {
  return std::get<Array>(data_);
}
inline const JsonValue::Object& JsonValue::members() const {
  return std::get<Object>(data_);
}
inline JsonValue::Object& JsonValue::members() {
  return std::get<Object>(data_);
}

}  // namespace upstander
