// The one key map (issue 15 item 16): every action a student can take from the keyboard,
// the keys that do it and its name in the locale files. Each screen lists the actions it
// offers; the key handler and the footer both read that list, so a key means the same on
// every screen and the footer cannot say something the key does not do.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "key_input.hpp"

namespace upstander::app {

enum class Action {
  Choose,          // 1-9: the n-th choice, option, menu button or survey value
  Continue,        // Enter, Space, right arrow: on; never answers a question for the student
  Back,            // Backspace, left arrow: back one choice
  Skip,            // S: this scene, or this question (reflection or survey)
  SkipSurvey,      // Shift+S: every question left in the survey
  Pause,           // Esc, P: the calm break screen
  PreviousScreen,  // Esc on the menus: one screen back
  Leave,           // L: leave the scenario (asks first)
  Help,            // F1, everywhere
  Repeat,          // R: read-aloud says the line again
};

struct KeyBinding {
  Action action;
  std::string_view keys;  // as printed on buttons and in the footer ("Esc", "Shift+S")
  std::string_view name;  // locale key of what it does here ("game.keys.skip")
};

std::span<const KeyBinding> key_map();
const KeyBinding& binding(Action a);
// The locale key of what `a` does on the current screen: the binding's name, except where a
// screen gives the key a plainer word (Enter on the join screen joins).
std::string_view action_name(const AppModel& m, Action a);

// True when `k` is one of the keys of `a` (Shift+S is SkipSurvey's, not Skip's).
bool key_does(Action a, KeyPress k);

// What the current screen offers from the keyboard, in the footer's order. Overlays have
// keys of their own (key_input.cpp) and are not listed.
std::vector<Action> screen_actions(const AppModel& m);

// The action `k` does on the current screen, if any. A Shift+S where no survey is showing
// is a plain S: a skip that is a safety exit must not depend on a modifier.
std::optional<Action> action_on_screen(const AppModel& m, KeyPress k);

// Does `a` on the current screen (`k` carries the digit for Choose); true when it did
// something.
bool perform(AppModel& m, Action a, KeyPress k);

}  // namespace upstander::app
