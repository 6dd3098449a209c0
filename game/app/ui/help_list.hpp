// The list of places to get help, which the help overlay, the debrief and the finish screen
// share: a card per service with its contact, what it does and its hours.
#pragma once

#include "help_view.hpp"
#include "upstander/ui/layout.hpp"

namespace upstander::app {

// Draws `help` at `col`'s cursor and moves the column below it.
void help_list(ui::DrawContext& ui, ui::Column& col, const HelpView& help);

}  // namespace upstander::app
