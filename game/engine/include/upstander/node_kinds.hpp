// The one table of node kinds: each kind's fields, their types, whether they are required,
// their text limits and what carries over when an author changes a node's kind. The
// reader and writer are checked against it, the text walkers and kind changes follow it,
// and the JSON schema and FORMAT.md's kind reference are generated from it
// (tools/gen_kinds). To add a kind or a field, see DEVELOPERS.md "Adding a node kind".
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "upstander/vocabulary.hpp"

namespace upstander {

enum class FieldType {
  Text,      // LocalizedText, read by the student
  Ref,       // IdRef to a character, thread or variable (see FieldSpec::refers_to)
  Image,     // ImageCard (icon + label); the label is read by the student
  Count,     // a whole number >= 0
  Url,       // an http(s) address
  Messages,  // chat messages: sender, text, optional image, optional clock
  Options,   // reflection options {"id", "text"}
  Scale,     // a 1-5 scale {"min_label", "max_label"}
  Outcome,   // an ending's outcome
  Debrief,   // an ending's three debrief layers
  HelpList,  // an ending's help topics
};

// What a field holds in common with other kinds' fields, so a kind change keeps it.
enum class Carries { Nothing, MainText, Speaker, Thread, Image, Answer, Source };

// How a node of the kind moves on.
enum class Exits {
  Any,       // "next", "choices" or "route" (and "skip_to" at a decision)
  NextOnly,  // "next" only (and "skip_to"): a reflection's answers are its options
  None,      // an ending
};

struct FieldSpec {
  std::string_view name;
  FieldType type;
  bool required;
  std::size_t limit = 0;  // Text: at most this many characters (text_limits.hpp)
  Carries carries = Carries::Nothing;
  std::string_view refers_to = {};      // Ref: "character", "thread" or "counter"
  std::string_view note = {};           // FORMAT.md: said after the field's name
  std::string_view schema_note = {};    // the schema's "description", if any
  bool required_without_image = false;  // Text: required unless the node has an image
};

struct KindSpec {
  NodeKind kind;
  std::string_view name;         // the JSON spelling (name_of(kind) returns it)
  std::string_view description;  // the schema's one line
  std::string_view sees;         // FORMAT.md: what the student sees
  Exits exits;
  std::span<const FieldSpec> fields;  // in the canonical writer's order
  std::string_view one_of_note = {};  // FORMAT.md: a rule between fields (reflection)
};

// Every kind, in NodeKind's order.
std::span<const KindSpec> node_kinds();
const KindSpec& kind_spec(NodeKind kind);
// nullptr when the kind has no such field.
const FieldSpec* find_field(const KindSpec& kind, std::string_view name);
// The fields every node may have (besides its kind's), in the writer's order; a kind's
// exits decide which of next/choices/route/skip_to it may have.
std::span<const std::string_view> common_node_fields();
bool allows_common_field(Exits exits, std::string_view name);

}  // namespace upstander
