// The condition builder: a condition as the author builds it, left to right (a variable,
// then an operator its type allows, then a value of its type), in "all of" / "any of"
// groups. Every edit goes through the functions below, which only offer and accept what
// fits the declared variables, so the condition it gives back always passes the editor's
// check (no unknown variable, no flag compared as a number, no empty group).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "upstander/scenario.hpp"

namespace upstander::author {

// What a row says about its variable: flags are on or off, counters are compared.
enum class TermOp { IsOn, IsOff, Eq, Ne, Lt, Le, Gt, Ge };
std::string_view name_of(TermOp op);

struct BuiltCondition {
  enum class Kind { Term, All, Any };
  Kind kind = Kind::Term;
  // Term
  std::string variable;
  TermOp op = TermOp::IsOn;
  std::int64_t value = 0;  // counters only
  // Groups: "none of" (not any) / "not all of" (not all); a counter row: "not (spread >= 3)"
  bool negated = false;
  // All, Any
  std::vector<BuiltCondition> children;

  bool operator==(const BuiltCondition&) const = default;
};

// The operators a variable of `type` can be used with, in the order the picker shows them.
std::vector<TermOp> ops_for(VariableType type);

// A row on the first declared variable ("flag is on", "counter >= 1"); nullopt when the
// scenario declares no variable yet (the builder then offers to add one first).
std::optional<BuiltCondition> first_term(const Scenario& s);
// Another variable: keeps the operator and value when they fit its type, else starts over.
bool set_variable(BuiltCondition& term, const Scenario& s, const std::string& variable);
bool set_op(BuiltCondition& term, const Scenario& s, TermOp op);
// Counters only, within the editor's range (+-1,000,000,000).
bool set_value(BuiltCondition& term, const Scenario& s, std::int64_t value);

// Groups: `path` picks a group by child indices from the root ({} = the root).
BuiltCondition* at(BuiltCondition& root, const std::vector<std::size_t>& path);
// Adds a row (first_term) to the group; a row at the root becomes "all of" that row and the
// new one. False when there is no variable.
bool add_term(BuiltCondition& root, const std::vector<std::size_t>& group, const Scenario& s);
// A nested group holding one new row.
bool add_group(BuiltCondition& root, const std::vector<std::size_t>& group,
               BuiltCondition::Kind kind, const Scenario& s);
// Removes the item; a group left with no items goes too. False when the root itself would
// go (the caller then removes the condition).
bool remove_at(BuiltCondition& root, const std::vector<std::size_t>& path);

// The condition for the file. Single-child groups stay as written.
Condition to_condition(const BuiltCondition& b);
// The builder's view of a condition from the file; nullopt when it uses a form the builder
// does not show (a "not" around a "not", a variable that is not declared).
std::optional<BuiltCondition> from_condition(const Condition& c, const Scenario& s);

}  // namespace upstander::author
