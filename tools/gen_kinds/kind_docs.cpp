// Generating the node schema and the kind reference from the node kinds' table.
#include "kind_docs.hpp"

namespace upstander::kind_docs {

namespace {

using ojson = nlohmann::ordered_json;

ojson ref(std::string_view definition) {
  return ojson{{"$ref", "#/definitions/" + std::string(definition)}};
}

ojson array_of(ojson items, int min_items) {
  ojson j;
  j["type"] = "array";
  if (min_items > 0) j["minItems"] = min_items;
  j["items"] = std::move(items);
  return j;
}

ojson strict_object(std::initializer_list<std::string_view> required, ojson properties) {
  ojson j;
  j["type"] = "object";
  j["required"] = ojson::array();
  for (auto r : required) j["required"].push_back(std::string(r));
  j["additionalProperties"] = false;
  j["properties"] = std::move(properties);
  return j;
}

ojson enum_of(const std::vector<std::string>& names) {
  return ojson{{"enum", names}};
}

ojson field_schema(const FieldSpec& f) {
  ojson j;
  switch (f.type) {
    case FieldType::Text: j = ref("text"); break;
    case FieldType::Ref: j = ref("id"); break;
    case FieldType::Image: j = ref("image"); break;
    case FieldType::Count: j = ojson{{"type", "integer"}, {"minimum", 0}}; break;
    case FieldType::Url: j = ref("url"); break;
    case FieldType::Messages: j = array_of(ref("message"), 1); break;
    case FieldType::Options:
      j = array_of(strict_object({"id", "text"}, ojson{{"id", ref("id")}, {"text", ref("text")}}),
                   2);
      break;
    case FieldType::Scale:
      j = strict_object({"min_label", "max_label"},
                        ojson{{"min_label", ref("text")}, {"max_label", ref("text")}});
      break;
    case FieldType::Outcome: j = enum_of(all_names<Outcome>()); break;
    case FieldType::Debrief:
      j = strict_object(
          {"targeted", "around", "rules"},
          ojson{{"targeted", ref("layer")}, {"around", ref("layer")}, {"rules", ref("layer")}});
      break;
    case FieldType::HelpList: j = array_of(enum_of(all_names<HelpTopic>()), 1); break;
  }
  if (!f.schema_note.empty()) j["description"] = std::string(f.schema_note);
  return j;
}

// The fields every node has, in the schema's order.
ojson common_properties(const KindSpec& k) {
  ojson p;
  p["kind"] = ojson{{"const", std::string(k.name)}};
  p["id"] = ref("id");
  p["scene"] = ojson{{"type", "string"}};
  p["time"] = ref("clock");
  p["note"] = ojson{{"type", "string"}, {"description", "For authors only; never shown."}};
  ojson effects = array_of(ref("effect"), 0);
  effects.erase("minItems");
  effects["description"] = "Applied when the student arrives.";
  p["effects"] = std::move(effects);
  if (allows_common_field(k.exits, "next")) p["next"] = ref("id");
  if (allows_common_field(k.exits, "choices")) p["choices"] = array_of(ref("choice"), 1);
  if (allows_common_field(k.exits, "route")) p["route"] = array_of(ref("routeEntry"), 1);
  if (allows_common_field(k.exits, "skip_to")) {
    p["skip_to"] = ojson{{"allOf", ojson::array({ref("id")})},
                         {"description", "Decision points: where \"skip this scene\" leads."}};
  }
  return p;
}

ojson kind_schema(const KindSpec& k) {
  ojson j;
  j["description"] = std::string(k.description);
  j["type"] = "object";
  ojson required = ojson::array({"id", "kind"});
  for (const auto& f : k.fields) {
    if (f.required) required.push_back(std::string(f.name));
  }
  if (k.exits == Exits::NextOnly) required.push_back("next");
  j["required"] = std::move(required);
  j["additionalProperties"] = false;
  ojson props = common_properties(k);
  for (const auto& f : k.fields) props[std::string(f.name)] = field_schema(f);
  j["properties"] = std::move(props);
  // Exactly one way on; a reflection has exactly one of its answer forms.
  if (k.exits == Exits::Any) {
    j["oneOf"] = ojson::array({ojson{{"required", {"next"}}}, ojson{{"required", {"choices"}}},
                               ojson{{"required", {"route"}}}});
  } else if (k.kind == NodeKind::Reflection) {
    j["oneOf"] = ojson::array({ojson{{"required", {"options"}}}, ojson{{"required", {"scale"}}}});
  }
  return j;
}

std::string field_phrase(const FieldSpec& f) {
  const bool optional = !f.required && !f.required_without_image;
  std::string s = (optional ? "optional `" : "`") + std::string(f.name) + "`";
  if (!f.note.empty()) s += " (" + std::string(f.note) + ")";
  return s;
}

std::string replace_between_markers(std::string_view text, const std::string& body, bool& found) {
  const auto begin = text.find(kBeginMarker);
  const auto end = text.find(kEndMarker);
  found = begin != std::string_view::npos && end != std::string_view::npos && begin < end;
  if (!found) return {};
  std::string out(text.substr(0, begin + kBeginMarker.size()));
  out += "\n" + body;
  out += text.substr(end);
  return out;
}

}  // namespace

ojson node_definitions(std::span<const KindSpec> kinds) {
  ojson names = ojson::array();
  ojson one_of = ojson::array();
  for (const auto& k : kinds) {
    names.push_back(std::string(k.name));
    one_of.push_back(kind_schema(k));
  }
  ojson node;
  node["type"] = "object";
  node["required"] = ojson::array({"kind"});
  node["properties"] = ojson{{"kind", ref("nodeKind")}};
  node["oneOf"] = std::move(one_of);
  return ojson{{"nodeKind", ojson{{"enum", names}}}, {"node", std::move(node)}};
}

std::optional<std::string> scenario_schema(std::string_view committed,
                                           std::span<const KindSpec> kinds) {
  ojson schema = ojson::parse(committed, nullptr, false);
  if (schema.is_discarded() || !schema.contains("definitions")) return std::nullopt;
  const ojson made = node_definitions(kinds);
  for (const auto& [key, value] : made.items()) schema["definitions"][key] = value;
  return schema.dump(2) + "\n";
}

std::string kind_reference(std::span<const KindSpec> kinds) {
  std::string out =
      "| `kind` | What the student sees | Fields (besides the common ones) |\n| --- | --- | --- |\n";
  for (const auto& k : kinds) {
    std::string fields;
    for (const auto& f : k.fields) fields += (fields.empty() ? "" : ", ") + field_phrase(f);
    if (!k.one_of_note.empty()) fields += "; " + std::string(k.one_of_note);
    out += "| `" + std::string(k.name) + "` | " + std::string(k.sees) + " | " + fields + " |\n";
  }
  return out;
}

std::optional<std::string> format_doc(std::string_view committed, std::span<const KindSpec> kinds) {
  bool found = false;
  std::string out = replace_between_markers(committed, kind_reference(kinds), found);
  if (!found) return std::nullopt;
  return out;
}

}  // namespace upstander::kind_docs
