// Conditions on a scenario's flags and counters: a flag, a comparison, not/all/any.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "upstander/source_loc.hpp"

namespace upstander {

enum class CompareOp { Eq, Ne, Lt, Le, Gt, Ge };
std::string_view compare_op_symbol(CompareOp op);

struct Condition {
  enum class Kind { Flag, Compare, Not, All, Any };

  Kind kind = Kind::Flag;
  IdRef var;                        // Flag, Compare
  CompareOp op = CompareOp::Eq;     // Compare
  std::int64_t value = 0;           // Compare
  std::vector<Condition> children;  // Not (exactly one), All, Any
  SourceLoc loc;
};

// `vars` holds the current value of every variable, indexed as the scenario declares them
// (flags are 0 or 1). The condition must be linked (every var.index set).
bool evaluate(const Condition& c, std::span<const std::int64_t> vars);

// Calls `f(const IdRef&)` for every variable the condition reads.
template <typename F>
void for_each_variable(const Condition& c, F&& f) {
  if (c.kind == Condition::Kind::Flag || c.kind == Condition::Kind::Compare) f(c.var);
  for (const auto& child : c.children) for_each_variable(child, f);
}
template <typename F>
void for_each_variable_mut(Condition& c, F&& f) {
  if (c.kind == Condition::Kind::Flag || c.kind == Condition::Kind::Compare) f(c.var);
  for (auto& child : c.children) for_each_variable_mut(child, f);
}

}  // namespace upstander
