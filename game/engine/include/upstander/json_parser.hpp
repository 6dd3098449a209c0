// Reads JSON text into a JsonValue tree with positions, turning every failure into diagnostics.
#pragma once

#include <cstddef>
#include <optional>

#include "upstander/diagnostic.hpp"
#include "upstander/json_value.hpp"
#include "upstander/source_text.hpp"

namespace upstander {

struct ParseLimits {
  // A scenario for one class period is well under 1 MB; 16 MB leaves room for very
  // large school packs while refusing files that are clearly not scenarios.
  std::size_t max_bytes = 16u << 20;
  // Scenario files nest about ten levels; the limit stops hostile input long before the
  // tree could exhaust the stack when it is later walked or destroyed.
  std::size_t max_depth = 64;
};

// Returns the document, or nullopt when the text is not usable JSON (the reasons are in `out`).
// Problems that do not stop reading (a byte-order mark) are reported and reading goes on.
std::optional<JsonValue> parse_json(const SourceText& source, Diagnostics& out,
                                    const ParseLimits& limits = {});

}  // namespace upstander
