// The key table, per overlay first and then per screen.
#include "key_input.hpp"

#include "app_model.hpp"

namespace upstander::app {

namespace {

bool is_digit(KeyPress k, int n) {
  return k.key == Key::Digit && k.digit == n;
}
std::size_t index_of(KeyPress k) {
  return static_cast<std::size_t>(k.digit - 1);
}

// The join screen: letters and digits are text there, not shortcuts.
bool join_key(AppModel& m, KeyPress k) {
  if (k.key == Key::Enter) return m.join_submit();
  if (k.key == Key::Backspace) return m.join_erase();
  if (k.key == Key::Escape) return m.back_screen();
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
      if (k.key == Key::S) return m.skip_scene();
      if (k.key == Key::L) return m.request_leave();
      if (k.key == Key::F1) return m.open_help();
      return false;
    case Overlay::ConfirmLeave:
      if (k.key == Key::Enter || is_digit(k, 1)) return m.confirm_leave();
      if (k.key == Key::Escape || is_digit(k, 2)) return m.close_overlay();
      if (k.key == Key::F1) return m.open_help();
      return false;
    case Overlay::None:
      break;
  }
  return false;
}

// Keys that work the same on every screen of a scenario in progress.
bool playing_key(AppModel& m, KeyPress k) {
  switch (k.key) {
    case Key::Escape:
    case Key::P:
      return m.pause();
    case Key::S:
      return m.skip_scene();
    case Key::L:
      return m.request_leave();
    case Key::Backspace:
    case Key::Left:
      return m.go_back();
    default:
      return false;
  }
}

bool screen_key(AppModel& m, KeyPress k) {
  switch (m.screen()) {
    case Screen::Language: {
      const auto langs = ui_languages(m.library());
      if (k.key == Key::Digit && index_of(k) < langs.size())
        return m.choose_language(langs[index_of(k)]->locale);
      return false;
    }
    case Screen::Mode:
      if (is_digit(k, 1)) return m.choose_solo();
      if (is_digit(k, 2)) return m.choose_class();
      if (is_digit(k, 3)) return m.back_to_class();
      if (k.key == Key::Escape) return m.back_screen();
      return false;
    case Screen::Join:
      return join_key(m, k);
    case Screen::ClassWelcome:
      if (k.key == Key::Enter || k.key == Key::Space || is_digit(k, 1)) return m.class_welcome_done();
      if (k.key == Key::Escape) return m.back_screen();
      return false;
    case Screen::Picker:
      if (k.key == Key::Digit) return m.pick_scenario(index_of(k));
      if (k.key == Key::Escape) return m.back_screen();
      return false;
    case Screen::ContentNote:
      if (is_digit(k, 1)) return m.note_play();
      if (is_digit(k, 2)) return m.note_other();
      if (is_digit(k, 3)) return m.note_sit_out();
      if (k.key == Key::Escape) return m.back_screen();
      return false;
    case Screen::PreSurvey:
    case Screen::PostSurvey:
      if (k.key == Key::Digit) return m.survey_answer(k.digit);
      if (k.key == Key::S) return m.survey_skip_item();
      if (k.key == Key::Escape || k.key == Key::P) return m.pause();
      return false;
    case Screen::Play:
      if (k.key == Key::Digit) return m.choose(index_of(k));
      if (k.key == Key::Enter || k.key == Key::Space || k.key == Key::Right)
        return m.continue_story();
      return playing_key(m, k);
    case Screen::Reflection: {
      if (k.key == Key::Digit) {
        const auto* r = m.runner();
        const bool scale = r && r->node().as<ReflectionBody>().scale.has_value();
        return scale ? m.answer_scale(k.digit) : m.answer_option(index_of(k));
      }
      // Enter only brings the question fully into view: moving on takes an answer or
      // the explicit skip (S, the same key that skips a scene everywhere).
      if (k.key == Key::Enter || k.key == Key::Right) return !m.fully_revealed() && m.continue_story();
      if (k.key == Key::S) return m.continue_story();  // skipped, on purpose
      return playing_key(m, k);
    }
    case Screen::Debrief:
      if (k.key == Key::Enter) return m.debrief_done();
      if (k.key == Key::Escape || k.key == Key::P) return m.pause();
      return false;
    case Screen::Finish:
      if (is_digit(k, 1)) return m.play_another();
      if (is_digit(k, 2)) return m.quit();
      return false;
  }
  return false;
}

}  // namespace

char typed_char(KeyPress k) {
  if (k.ch != 0) return k.ch;
  switch (k.key) {
    case Key::Digit:
      return static_cast<char>('0' + k.digit);
    case Key::S:
      return 's';
    case Key::L:
      return 'l';
    case Key::P:
      return 'p';
    case Key::R:
      return 'r';
    default:
      return 0;
  }
}

bool handle_key(AppModel& m, KeyPress k) {
  if (m.overlay() != Overlay::None) return overlay_key(m, k);
  if (k.key == Key::F1) return m.open_help();
  if (k.key == Key::R && !m.typing()) return m.repeat_line();
  return screen_key(m, k);
}

}  // namespace upstander::app
