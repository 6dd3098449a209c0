// Typed construction of effects for the effect pickers.
#include "upstander/author/effect_builder.hpp"

#include <algorithm>

namespace upstander::author {

namespace {

const Variable* variable_named(const Scenario& s, const std::string& id) {
  for (const auto& v : s.variables) {
    if (v.id == id) return &v;
  }
  return nullptr;
}

}  // namespace

std::string_view name_of(EffectAction a) {
  switch (a) {
    case EffectAction::TurnOn: return "on";
    case EffectAction::TurnOff: return "off";
    case EffectAction::Add: return "add";
    case EffectAction::SetTo: return "set";
  }
  return "?";
}

std::vector<EffectAction> actions_for(VariableType type) {
  if (type == VariableType::Flag) return {EffectAction::TurnOn, EffectAction::TurnOff};
  return {EffectAction::Add, EffectAction::SetTo};
}

EffectAction action_of(const Effect& e) {
  if (e.kind == Effect::Kind::Add) return EffectAction::Add;
  if (e.written_as_bool) return e.value != 0 ? EffectAction::TurnOn : EffectAction::TurnOff;
  return EffectAction::SetTo;
}

std::optional<Effect> make_effect(const Scenario& s, const std::string& variable,
                                  EffectAction action, std::int64_t value) {
  const Variable* v = variable_named(s, variable);
  if (v == nullptr) return std::nullopt;
  const auto allowed = actions_for(v->type);
  if (std::find(allowed.begin(), allowed.end(), action) == allowed.end()) return std::nullopt;
  if (value < -1'000'000'000 || value > 1'000'000'000) return std::nullopt;
  Effect e;
  e.var.id = variable;
  e.kind = action == EffectAction::Add ? Effect::Kind::Add : Effect::Kind::Set;
  e.written_as_bool = v->type == VariableType::Flag;
  e.value = action == EffectAction::TurnOn ? 1 : action == EffectAction::TurnOff ? 0 : value;
  return e;
}

std::optional<Effect> first_effect(const Scenario& s) {
  if (s.variables.empty()) return std::nullopt;
  const Variable& v = s.variables.front();
  return make_effect(s, v.id, actions_for(v.type).front(), 1);
}

std::optional<Effect> with_variable(const Scenario& s, const Effect& e,
                                    const std::string& variable) {
  if (auto same = make_effect(s, variable, action_of(e), e.value)) return same;
  const Variable* v = variable_named(s, variable);
  if (v == nullptr) return std::nullopt;
  return make_effect(s, variable, actions_for(v->type).front(), 1);
}

}  // namespace upstander::author
