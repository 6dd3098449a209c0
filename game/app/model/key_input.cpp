// The keys: the overlays' own, then the screens' from the key map (key_map.cpp).
#include "key_input.hpp"

#include "app_model.hpp"
#include "key_map.hpp"

namespace upstander::app {

namespace {

bool is_digit(KeyPress k, int n) {
  return k.key == Key::Digit && k.digit == n;
}

// The join screen: letters and digits are text there, not shortcuts.
bool join_key(AppModel& m, KeyPress k) {
  if (k.key == Key::Backspace) return m.join_erase();
  if (const char c = typed_char(k)) return m.join_type(c);
  return false;
}

bool overlay_key(AppModel& m, KeyPress k) {
  switch (m.overlay()) {
    case Overlay::Help:
      if (k.key == Key::Escape || k.key == Key::F1 || k.key == Key::Enter) return m.close_overlay();
      return false;
    case Overlay::Settings:
      if (k.key == Key::Escape || k.key == Key::Enter) return m.close_overlay();
      if (k.key == Key::F1) return m.open_help();
      return false;
    case Overlay::Pause:
      if (k.key == Key::Escape || k.key == Key::Enter || k.key == Key::Space || k.key == Key::P)
        return m.resume();
      // As the break's skip button: only over a story, then what S does under the break.
      if (k.key == Key::S)
        return (m.screen() == Screen::Play || m.screen() == Screen::Reflection) && m.skip();
      if (k.key == Key::L) return m.request_leave();
      if (k.key == Key::F1) return m.open_help();
      return false;
    case Overlay::ConfirmLeave:
      if (k.key == Key::Enter || is_digit(k, 1)) return m.confirm_leave();
      if (k.key == Key::Escape || is_digit(k, 2)) return m.close_overlay();
      if (k.key == Key::F1) return m.open_help();
      return false;
    case Overlay::None: break;
  }
  return false;
}

// The screens' keys come from the one key map; the join screen's fields take letters and
// digits first.
bool screen_key(AppModel& m, KeyPress k) {
  if (m.screen() == Screen::Join && join_key(m, k)) return true;
  const auto action = action_on_screen(m, k);
  return action && perform(m, *action, k);
}

}  // namespace

char typed_char(KeyPress k) {
  if (k.ch != 0) return k.ch;
  switch (k.key) {
    case Key::Digit: return static_cast<char>('0' + k.digit);
    case Key::S: return 's';
    case Key::L: return 'l';
    case Key::P: return 'p';
    case Key::R: return 'r';
    default: return 0;
  }
}

bool handle_key(AppModel& m, KeyPress k) {
  if (m.overlay() != Overlay::None) return overlay_key(m, k);
  return screen_key(m, k);
}

}  // namespace upstander::app
