// Harlowe and SugarCube expressions that mean the same as Upstander's conditions and
// effects: "$x to 1", "$x to $x + 5", "$x += 2", "$x to true"; "$x > 3", "$x gt 3",
// "$x is not 2", "not $seen", "and"/"or" and parentheses. Anything else is refused with a
// reason, never guessed. Variables are named as written in Twine (without "$"); the
// importer maps them to ids.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "upstander/condition.hpp"
#include "upstander/effect.hpp"
#include "upstander/result.hpp"

namespace upstander::author {

// The effects (var.id is the Twine name; written_as_bool for true/false), or why the text
// is not an assignment Upstander can carry.
using TwineEffects = Result<std::vector<Effect>, std::string>;

// One or more assignments separated by "," or ";" (the body of (set:) or <<set>>, or a
// SugarCube link setter).
TwineEffects parse_twine_assignments(std::string_view src);

// The condition, or why it cannot be carried. A bare "$x" is a Flag condition; the
// importer turns it into "!= 0" for a counter.
using TwineCondition = Result<Condition, std::string>;

TwineCondition parse_twine_condition(std::string_view src);

// "not c", without doubling a "not".
Condition negated_condition(const Condition& c);

// Structural equality (kinds, variables, operators, values, children).
bool same_condition(const Condition& a, const Condition& b);

// The Twine spelling of an Upstander variable id ("told-teacher" -> "told_teacher").
std::string twine_variable_name(std::string_view id);

enum class TwineFormat { Harlowe, SugarCube };

// Conditions and effects written back in a story format's own syntax; `var.id` is written
// through twine_variable_name.
std::string write_twine_condition(const Condition& c, TwineFormat f);
std::string write_twine_effects(const std::vector<Effect>& effects, TwineFormat f);

}  // namespace upstander::author
