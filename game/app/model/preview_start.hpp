// "Play from here" for authors: takes a model whose library holds only the pack being
// edited (its start set to the chosen node) straight to that node, past the first-start,
// mode, picker and content-note screens the author has no need to see.
#pragma once

#include <string>

#include "app_model.hpp"

namespace upstander::app {

// The model must have been built with no progress store (nothing is saved). Returns false
// when the library offers no scenario to play.
bool start_preview(AppModel& model, const std::string& language);

}  // namespace upstander::app
