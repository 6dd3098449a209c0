// Applying effects to a scenario's variables.
#include "upstander/effect.hpp"

#include <cassert>
#include <limits>

#include "upstander/scenario.hpp"

namespace upstander {

namespace {

std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
  if (b > 0 && a > std::numeric_limits<std::int64_t>::max() - b)
    return std::numeric_limits<std::int64_t>::max();
  if (b < 0 && a < std::numeric_limits<std::int64_t>::min() - b)
    return std::numeric_limits<std::int64_t>::min();
  return a + b;
}

std::int64_t clamp_to(const Variable& decl, std::int64_t v) {
  if (decl.type == VariableType::Flag) return v != 0 ? 1 : 0;
  if (decl.min && v < *decl.min) v = *decl.min;
  if (decl.max && v > *decl.max) v = *decl.max;
  return v;
}

}  // namespace

void apply_effects(std::span<const Effect> effects, std::span<const Variable> decls,
                   std::span<std::int64_t> vars) {
  for (const auto& e : effects) {
    assert(e.var.index >= 0 && "effect used before linking");
    const auto i = static_cast<std::size_t>(e.var.index);
    const std::int64_t next =
        e.kind == Effect::Kind::Set ? e.value : saturating_add(vars[i], e.value);
    vars[i] = clamp_to(decls[i], next);
  }
}

}  // namespace upstander
