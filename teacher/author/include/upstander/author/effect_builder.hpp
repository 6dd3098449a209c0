// Effects as the author picks them: a variable, then an action its type allows (a flag is
// turned on or off, a counter is added to or set), then a number for counters. What these
// functions return always passes the editor's check of effects.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "upstander/scenario.hpp"

namespace upstander::author {

enum class EffectAction { TurnOn, TurnOff, Add, SetTo };
std::string_view name_of(EffectAction a);

std::vector<EffectAction> actions_for(VariableType type);
EffectAction action_of(const Effect& e);

// The effect, or nullopt when the variable is not declared, the action does not fit its
// type, or the number is out of the editor's range (+-1,000,000,000).
std::optional<Effect> make_effect(const Scenario& s, const std::string& variable,
                                  EffectAction action, std::int64_t value = 0);
// A new effect on the first declared variable (turn on / add 1); nullopt with none.
std::optional<Effect> first_effect(const Scenario& s);
// The same effect on another variable: keeps the action and number when they fit.
std::optional<Effect> with_variable(const Scenario& s, const Effect& e,
                                    const std::string& variable);

}  // namespace upstander::author
