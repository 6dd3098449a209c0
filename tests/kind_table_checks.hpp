// Used by the engine and author tests. Checks of the reader and the canonical writer against a node
// kinds' table: a node made from the table's fields must load without errors or unknown keys, lose
// a required field with an error, and be written back with every field in the table's order. Takes
// the table as a parameter so a test can show a changed table being caught.
#pragma once

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "upstander/canonical_json.hpp"
#include "upstander/content_file.hpp"
#include "upstander/diagnostic_codes.hpp"
#include "upstander/node_kinds.hpp"

namespace upstander::kind_check {

struct Loaded {
  ContentFile file;
  Diagnostics diagnostics;
};
inline Loaded load_text(const std::string& name, const std::string& json) {
  Loaded l;
  l.file = load_content_text(name, json, l.diagnostics);
  return l;
}

using ojson = nlohmann::ordered_json;

inline ojson sample_text(const std::string& en) {
  return ojson{{"en", en}};
}

// A valid value of a field, by its type; texts name their kind and field, so each is unique.
inline ojson sample_value(const KindSpec& k, const FieldSpec& f) {
  switch (f.type) {
    case FieldType::Text:
      return sample_text("The " + std::string(k.name) + " " + std::string(f.name) + " words.");
    case FieldType::Ref:
      return f.refers_to == "thread" ? "chat" : f.refers_to == "counter" ? "spread" : "jiwoo";
    case FieldType::Image:
      return ojson{{"icon", "photo"}, {"label", sample_text("a photo [not shown]")}};
    case FieldType::Count: return 3;
    case FieldType::Url: return "https://example.org/source";
    case FieldType::Messages:
      return ojson::array({ojson{{"from", "jiwoo"}, {"text", sample_text("Did you see it?")}}});
    case FieldType::Options:
      return ojson::array({ojson{{"id", "yes"}, {"text", sample_text("Yes")}},
                           ojson{{"id", "no"}, {"text", sample_text("No")}}});
    case FieldType::Scale:
      return ojson{{"min_label", sample_text("Not at all")}, {"max_label", sample_text("Very")}};
    case FieldType::Outcome: return "upstander";
    case FieldType::Debrief: {
      ojson d;
      for (const char* layer : {"targeted", "around", "rules"})
        d[layer] = ojson{{"text", sample_text("Later.")}};
      d["rules"]["sources"] = ojson::array({"https://example.org/law"});
      return d;
    }
    case FieldType::HelpList: return ojson::array({"counselling"});
  }
  return nullptr;
}

// The kind's node with every field, leaving out `skip` (a reflection's options and scale
// exclude each other, so each is tried without the other).
inline ojson sample_node(const KindSpec& k, std::string_view skip = {}) {
  ojson n{{"id", "n"}, {"kind", std::string(k.name)}};
  for (const auto& f : k.fields) {
    if (f.name != skip) n[std::string(f.name)] = sample_value(k, f);
  }
  if (k.exits != Exits::None) n["next"] = "end";
  return n;
}

inline ojson sample_scenario(const ojson& node) {
  ojson nodes = ojson::array({node});
  if (node["kind"] != "ending") {
    KindSpec ending = kind_spec(NodeKind::Ending);
    ojson e = sample_node(ending);
    e["id"] = "end";
    nodes.push_back(e);
  }
  auto character = [](const char* id) {
    return ojson{{"id", id}, {"name", sample_text(id)}, {"avatar", {{"color", "#4a90d9"}}}};
  };
  return ojson{{"type", "scenario"},
               {"format_version", 1},
               {"id", "kinds"},
               {"locales", {"en"}},
               {"title", sample_text("Kinds")},
               {"summary", sample_text("A test.")},
               {"content_note", sample_text("Nothing upsetting.")},
               {"audience", {{"min_age", 12}, {"max_age", 18}}},
               {"minutes", 1},
               {"learning_goals", {"excuses"}},
               {"review", {{"status", "draft"}}},
               {"player", "me"},
               {"start", "n"},
               {"variables",
                ojson::array({{{"id", "spread"}, {"type", "counter"}, {"min", 0}, {"max", 10}}})},
               {"characters", ojson::array({character("me"), character("jiwoo")})},
               {"threads", ojson::array({{{"id", "chat"}, {"name", sample_text("Chat")}}})},
               {"nodes", nodes}};
}

inline std::vector<std::string_view> skips_for(const KindSpec& k) {
  const bool both = find_field(k, "options") && find_field(k, "scale");
  if (both) return {"options", "scale"};
  return {std::string_view{}};
}

// What the reader does not do as the table says, one line per problem ("" = none).
inline std::vector<std::string> reader_gaps(std::span<const KindSpec> kinds) {
  std::vector<std::string> gaps;
  for (const auto& k : kinds) {
    for (auto skip : skips_for(k)) {
      const Loaded l = load_text("kinds.json", sample_scenario(sample_node(k, skip)).dump(2));
      for (const auto& d : l.diagnostics.all()) {
        if (d.severity == Severity::Error)
          gaps.push_back(std::string(k.name) + ": " + format_text(d));
      }
    }
    for (const auto& f : k.fields) {
      if (!f.required) continue;
      ojson node = sample_node(k, skips_for(k).front());
      node.erase(std::string(f.name));
      const Loaded l = load_text("kinds.json", sample_scenario(node).dump(2));
      if (!l.diagnostics.has_errors())
        gaps.push_back(std::string(k.name) + "." + std::string(f.name) +
                       ": required, but the reader accepts a node without it");
    }
  }
  return gaps;
}

// What the canonical writer does not write as the table says.
inline std::vector<std::string> writer_gaps(std::span<const KindSpec> kinds) {
  std::vector<std::string> gaps;
  for (const auto& k : kinds) {
    for (auto skip : skips_for(k)) {
      const Loaded l = load_text("kinds.json", sample_scenario(sample_node(k, skip)).dump(2));
      if (l.diagnostics.has_errors() || l.file.scenario() == nullptr) {
        gaps.push_back(std::string(k.name) +
                       ": cannot be written back, the reader rejects it (see reader_gaps)");
        continue;
      }
      const ojson written = to_json(*l.file.scenario());
      std::vector<std::string> expected, got;
      for (const auto& f : k.fields) {
        if (f.name != skip) expected.push_back(std::string(f.name));
      }
      for (const auto& [key, value] : written["nodes"][0].items()) {
        if (std::find(expected.begin(), expected.end(), key) != expected.end()) got.push_back(key);
      }
      if (got != expected)
        gaps.push_back(std::string(k.name) + ": the writer writes " + ojson(got).dump() +
                       ", the table lists " + ojson(expected).dump());
    }
  }
  return gaps;
}

}  // namespace upstander::kind_check
