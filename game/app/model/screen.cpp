// Names of screens and overlays, for logs, tests and screenshot file names.
#include "screen.hpp"

namespace upstander::app {

std::string_view name_of(Screen s) {
  switch (s) {
    case Screen::Language: return "language";
    case Screen::Mode: return "mode";
    case Screen::Join: return "join";
    case Screen::ClassWelcome: return "class-welcome";
    case Screen::Picker: return "picker";
    case Screen::ContentNote: return "content-note";
    case Screen::PreSurvey: return "pre-survey";
    case Screen::Play: return "play";
    case Screen::Reflection: return "reflection";
    case Screen::Debrief: return "debrief";
    case Screen::PostSurvey: return "post-survey";
    case Screen::Finish: return "finish";
  }
  return "?";
}

std::string_view name_of(Overlay o) {
  switch (o) {
    case Overlay::None: return "none";
    case Overlay::Help: return "help";
    case Overlay::Settings: return "settings";
    case Overlay::Pause: return "pause";
    case Overlay::ConfirmLeave: return "confirm-leave";
  }
  return "?";
}

}  // namespace upstander::app
