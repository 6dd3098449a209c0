// Writes what is generated from the node kinds' table (node_kinds.hpp): the node part of
// content/schema/scenario.schema.json and FORMAT.md's kind reference. Takes the table as
// a parameter so tests can pass a changed copy.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "upstander/node_kinds.hpp"

namespace upstander::kind_docs {

// The schema's "nodeKind" and "node" definitions.
nlohmann::ordered_json node_definitions(std::span<const KindSpec> kinds);
// `committed` (the schema file's text) with its node definitions made from `kinds`;
// nullopt when `committed` is not JSON.
std::optional<std::string> scenario_schema(std::string_view committed,
                                           std::span<const KindSpec> kinds);

// The Markdown table of kinds and their fields.
std::string kind_reference(std::span<const KindSpec> kinds);
// `committed` (FORMAT.md's text) with the part between the markers replaced; nullopt when
// the markers are missing.
std::optional<std::string> format_doc(std::string_view committed, std::span<const KindSpec> kinds);

inline constexpr std::string_view kBeginMarker =
    "<!-- node-kinds: generated from game/engine/src/node_kinds.cpp by upstander-gen-kinds; do not edit -->";
inline constexpr std::string_view kEndMarker = "<!-- /node-kinds -->";

}  // namespace upstander::kind_docs
