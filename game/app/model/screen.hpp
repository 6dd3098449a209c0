// The screens of the student game and the overlays that can sit on top of any of them.
#pragma once

#include <string_view>

namespace upstander::app {

// In the order a student meets them.
enum class Screen {
  Language,
  Mode,
  Join,          // join my class: the code, and the server's address if it is not found
  ClassWelcome,  // joined: "in this class you are ..."
  Picker,
  ContentNote,
  PreSurvey,
  Play,
  Reflection,
  Debrief,
  PostSurvey,
  Finish
};

// Overlays keep the screen underneath; closing one returns exactly there.
enum class Overlay { None, Help, Settings, Pause, ConfirmLeave };

std::string_view name_of(Screen s);
std::string_view name_of(Overlay o);

}  // namespace upstander::app
