// Keyboard play: which key does what on which screen. The same table serves the game
// (from SDL key events) and the tests. Tab and arrows move ImGui's focus; these are the
// keys with a meaning of their own.
#pragma once

#include <string_view>

namespace upstander::app {

class AppModel;

// Char: a letter, 0 or a sign with no meaning of its own, which only the join screen's
// fields take. Digits and S, L, P, R carry their character too, so a code can contain them.
enum class Key { Digit, Enter, Space, Escape, F1, Backspace, Left, Right, S, L, P, R, Char };

struct KeyPress {
  Key key = Key::Enter;
  int digit = 0;       // 1-9 for Key::Digit
  char ch = 0;         // the character the key types ('a', '7', ':'), 0 if none
  bool shift = false;  // Shift was held (Shift+S skips the rest of a survey)
};

// The character a key types on the join screen, 0 if none.
char typed_char(KeyPress k);

// Applies the key to the model; true when it did something.
bool handle_key(AppModel& m, KeyPress k);

// The key hints the UI prints on buttons ("1", "Esc", "F1"); shared so that the hint and
// the behaviour cannot drift apart.
namespace hint {
inline constexpr std::string_view kPause = "Esc";
inline constexpr std::string_view kHelp = "F1";
inline constexpr std::string_view kSkip = "S";
inline constexpr std::string_view kSkipSurvey = "Shift+S";
inline constexpr std::string_view kChoose = "1-9";
inline constexpr std::string_view kLeave = "L";
inline constexpr std::string_view kContinue = "Enter";
inline constexpr std::string_view kBack = "\xE2\x86\x90";  // the left arrow, also Backspace
inline constexpr std::string_view kRepeat = "R";           // read-aloud: say the line again
// Marks the current choice among settings buttons.
inline constexpr std::string_view kCurrent = "\xE2\x97\x8F";
// Every hint, so the font atlas includes their glyphs.
inline constexpr std::string_view kAll[] = {kPause, kHelp,     kSkip, kSkipSurvey, kChoose,
                                            kLeave, kContinue, kBack, kCurrent,    kRepeat};
}  // namespace hint

}  // namespace upstander::app
