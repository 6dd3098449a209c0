// The harmful-choice rule, read from the choice's target and effects.
#include "harmful_choice.hpp"

namespace upstander::server {

bool choice_is_harmful(const Scenario& scenario, const Choice& choice) {
  const Node* target = scenario.find_node(choice.to.id);
  if (target != nullptr && target->kind == NodeKind::Excuse) return true;
  for (const Effect& e : choice.effects) {
    if (e.kind != Effect::Kind::Add || e.value <= 0) continue;
    const Variable* v = scenario.find_variable(e.var.id);
    if (v != nullptr && v->type == VariableType::Counter) return true;
  }
  return false;
}

}  // namespace upstander::server
