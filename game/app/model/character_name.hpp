// A character's name as the phone shows it: an account the phone's owner does not know, and
// that has no name, is "Unknown account". Shared by the screen and by read-aloud, so that
// what is heard is what is seen.
#pragma once

#include <string>

#include "ui_text.hpp"
#include "upstander/scenario.hpp"

namespace upstander::app {

// "" for no character (a message without a sender).
std::string character_name(const UiText& text, const Character* c);

}  // namespace upstander::app
