// The edits of the header, texts and declarations (internal to upstander_author).
#pragma once

#include "edit_support.hpp"

namespace upstander::author::detail {

EditResult apply(Scenario& s, const edit::SetScenarioId& e);
EditResult apply(Scenario& s, const edit::SetLocales& e);
EditResult apply(Scenario& s, const edit::SetAudience& e);
EditResult apply(Scenario& s, const edit::SetMinutes& e);
EditResult apply(Scenario& s, const edit::SetOrder& e);
EditResult apply(Scenario& s, const edit::SetTargeted& e);
EditResult apply(Scenario& s, const edit::SetLearningGoals& e);
EditResult apply(Scenario& s, const edit::SetReview& e);
EditResult apply(Scenario& s, const edit::SetPlayer& e);
EditResult apply(Scenario& s, const edit::SetStart& e);
EditResult apply(Scenario& s, const edit::SetText& e);
EditResult apply(Scenario& s, const edit::ConfirmTranslation& e);
EditResult apply(Scenario& s, const edit::AddCharacter& e);
EditResult apply(Scenario& s, const edit::RemoveCharacter& e);
EditResult apply(Scenario& s, const edit::RenameCharacter& e);
EditResult apply(Scenario& s, const edit::SetAvatar& e);
EditResult apply(Scenario& s, const edit::SetCharacterUnknown& e);
EditResult apply(Scenario& s, const edit::AddThread& e);
EditResult apply(Scenario& s, const edit::RemoveThread& e);
EditResult apply(Scenario& s, const edit::RenameThread& e);
EditResult apply(Scenario& s, const edit::SetThread& e);
EditResult apply(Scenario& s, const edit::AddVariable& e);
EditResult apply(Scenario& s, const edit::RemoveVariable& e);
EditResult apply(Scenario& s, const edit::RenameVariable& e);
EditResult apply(Scenario& s, const edit::SetVariable& e);

}  // namespace upstander::author::detail
