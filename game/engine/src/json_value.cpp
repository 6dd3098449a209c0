// Accessors of the position-aware JSON tree.
#include "upstander/json_value.hpp"

namespace upstander {

std::string_view json_type_name(JsonType t) {
  switch (t) {
    case JsonType::Null: return "null";
    case JsonType::Bool: return "true or false";
    case JsonType::Integer: return "a whole number";
    case JsonType::Float: return "a number";
    case JsonType::String: return "text in quotes";
    case JsonType::Array: return "a list [...]";
    case JsonType::Object: return "an object {...}";
  }
  return "?";
}

double JsonValue::as_double() const {
  if (is(JsonType::Integer)) return static_cast<double>(as_int());
  return std::get<double>(data_);
}

const JsonValue* JsonValue::find(std::string_view key) const {
  if (!is(JsonType::Object)) return nullptr;
  for (const auto& m : members()) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

}  // namespace upstander
