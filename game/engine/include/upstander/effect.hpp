// Effects of a choice or of entering a node: set a flag or counter, add to a counter.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "upstander/source_loc.hpp"

namespace upstander {

struct Variable;

struct Effect {
  enum class Kind { Set, Add };

  Kind kind = Kind::Set;
  IdRef var;
  std::int64_t value = 0;  // Set: the new value (flags: 0/1); Add: the amount (may be negative)
  bool written_as_bool = false;  // "to": true/false, checked against the variable's type
  SourceLoc loc;
};

// Applies linked effects in order; counters stay within their declared min/max, and
// additions saturate instead of overflowing.
void apply_effects(std::span<const Effect> effects, std::span<const Variable> decls,
                   std::span<std::int64_t> vars);

}  // namespace upstander
