// Evaluation of choice conditions.
#include "upstander/condition.hpp"

#include <cassert>

namespace upstander {

std::string_view compare_op_symbol(CompareOp op) {
  switch (op) {
    case CompareOp::Eq: return "==";
    case CompareOp::Ne: return "!=";
    case CompareOp::Lt: return "<";
    case CompareOp::Le: return "<=";
    case CompareOp::Gt: return ">";
    case CompareOp::Ge: return ">=";
  }
  return "?";
}

bool evaluate(const Condition& c, std::span<const std::int64_t> vars) {
  switch (c.kind) {
    case Condition::Kind::Flag:
      assert(c.var.index >= 0 && "condition used before linking");
      return vars[static_cast<std::size_t>(c.var.index)] != 0;
    case Condition::Kind::Compare: {
      assert(c.var.index >= 0 && "condition used before linking");
      const std::int64_t v = vars[static_cast<std::size_t>(c.var.index)];
      switch (c.op) {
        case CompareOp::Eq: return v == c.value;
        case CompareOp::Ne: return v != c.value;
        case CompareOp::Lt: return v < c.value;
        case CompareOp::Le: return v <= c.value;
        case CompareOp::Gt: return v > c.value;
        case CompareOp::Ge: return v >= c.value;
      }
      return false;
    }
    case Condition::Kind::Not: return c.children.empty() || !evaluate(c.children.front(), vars);
    case Condition::Kind::All:
      for (const auto& child : c.children) {
        if (!evaluate(child, vars)) return false;
      }
      return true;
    case Condition::Kind::Any:
      for (const auto& child : c.children) {
        if (evaluate(child, vars)) return true;
      }
      return false;
  }
  return false;
}

}  // namespace upstander
