// The key map's table and, per screen, which of its actions apply and what they do there.
#include "key_map.hpp"

#include <algorithm>
#include <array>
#include <cassert>

#include "app_model.hpp"

namespace upstander::app {

namespace {

constexpr std::array<KeyBinding, 10> kMap{{
    {Action::Choose, hint::kChoose, "game.keys.choose"},
    {Action::Continue, hint::kContinue, "game.keys.continue"},
    {Action::Back, hint::kBack, "game.keys.back"},
    {Action::Skip, hint::kSkip, "game.keys.skip"},
    {Action::SkipSurvey, hint::kSkipSurvey, "game.keys.skip_survey"},
    {Action::Pause, hint::kPause, "game.keys.pause"},
    {Action::PreviousScreen, hint::kPause, "game.keys.previous_screen"},
    {Action::Leave, hint::kLeave, "game.keys.leave"},
    {Action::Help, hint::kHelp, "game.keys.help"},
    {Action::Repeat, hint::kRepeat, "game.keys.repeat"},
}};

// A scenario's own screens: the story, its reflections and its ending.
std::vector<Action> story_actions(const AppModel& m) {
  const Runner* r = m.runner();
  std::vector<Action> out;
  if (m.screen() == Screen::Debrief) {
    out = {Action::Continue, Action::Pause};
  } else if (m.screen() == Screen::Reflection) {
    // No Continue: Enter moves on only with an answer (issue 15 item 3).
    out = {Action::Choose, Action::Skip, Action::Back, Action::Pause};
  } else {
    if (r && !r->visible_choices().empty()) out.push_back(Action::Choose);
    if (r && (r->can_continue() || !m.fully_revealed())) out.push_back(Action::Continue);
    out.insert(out.end(), {Action::Skip, Action::Back, Action::Pause});
  }
  if (r) out.push_back(Action::Leave);
  return out;
}

std::vector<Action> actions_before_help(const AppModel& m) {
  switch (m.screen()) {
    case Screen::Language:
    case Screen::Finish: return {Action::Choose};
    case Screen::Join: return {Action::Continue, Action::PreviousScreen};
    case Screen::ClassWelcome:  // its one button is "1", like every menu's first
      return {Action::Choose, Action::Continue, Action::PreviousScreen};
    case Screen::Mode:
    case Screen::Picker:
    case Screen::ContentNote: return {Action::Choose, Action::PreviousScreen};
    case Screen::PreSurvey:
    case Screen::PostSurvey: {
      std::vector<Action> out{Action::Choose, Action::Skip, Action::SkipSurvey, Action::Pause};
      if (m.runner()) out.push_back(Action::Leave);  // after play, as the top bar offers
      return out;
    }
    case Screen::Play:
    case Screen::Reflection:
    case Screen::Debrief: return story_actions(m);
  }
  return {};
}

bool choose(AppModel& m, int digit) {
  const auto i = static_cast<std::size_t>(digit - 1);
  switch (m.screen()) {
    case Screen::Language: {
      const auto langs = ui_languages(m.library());
      return i < langs.size() && m.choose_language(langs[i]->locale);
    }
    case Screen::Mode:
      if (digit == 1) return m.choose_solo();
      if (digit == 2) return m.choose_class();
      return digit == 3 && m.back_to_class();
    case Screen::Picker: return m.pick_scenario(i);
    case Screen::ContentNote:
      if (digit == 1) return m.note_play();
      if (digit == 2) return m.note_other();
      return digit == 3 && m.note_sit_out();
    case Screen::PreSurvey:
    case Screen::PostSurvey: return m.survey_answer(digit);
    case Screen::Play: return m.choose(i);
    case Screen::Reflection: {
      const Runner* r = m.runner();
      const bool scale = r && r->node().as<ReflectionBody>().scale.has_value();
      return scale ? m.answer_scale(digit) : m.answer_option(i);
    }
    case Screen::Finish:
      if (digit == 1) return m.play_another();
      return digit == 2 && m.quit();
    case Screen::ClassWelcome: return digit == 1 && m.class_welcome_done();
    case Screen::Join:
    case Screen::Debrief: return false;
  }
  return false;
}

bool continue_on(AppModel& m) {
  switch (m.screen()) {
    case Screen::Join: return m.join_submit();
    case Screen::ClassWelcome: return m.class_welcome_done();
    case Screen::Play: return m.continue_story();
    case Screen::Debrief: return m.debrief_done();
    default: return false;
  }
}

}  // namespace

std::span<const KeyBinding> key_map() {
  return kMap;
}

const KeyBinding& binding(Action a) {
  const auto it =
      std::find_if(kMap.begin(), kMap.end(), [a](const KeyBinding& b) { return b.action == a; });
  assert(it != kMap.end() && "every action has a row in kMap");
  return *it;
}

std::string_view action_name(const AppModel& m, Action a) {
  if (a == Action::Continue && m.screen() == Screen::Join) return "game.keys.join";
  return binding(a).name;
}

bool key_does(Action a, KeyPress k) {
  switch (a) {
    case Action::Choose: return k.key == Key::Digit && k.digit >= 1 && k.digit <= 9;
    case Action::Continue: return k.key == Key::Enter || k.key == Key::Space || k.key == Key::Right;
    case Action::Back: return k.key == Key::Backspace || k.key == Key::Left;
    case Action::Skip: return k.key == Key::S && !k.shift;
    case Action::SkipSurvey: return k.key == Key::S && k.shift;
    case Action::Pause: return k.key == Key::Escape || k.key == Key::P;
    case Action::PreviousScreen: return k.key == Key::Escape;
    case Action::Leave: return k.key == Key::L;
    case Action::Help: return k.key == Key::F1;
    case Action::Repeat: return k.key == Key::R;
  }
  return false;
}

std::vector<Action> screen_actions(const AppModel& m) {
  std::vector<Action> out = actions_before_help(m);
  if (m.read_aloud_active() && m.screen() != Screen::Join) out.push_back(Action::Repeat);
  out.push_back(Action::Help);
  return out;
}

std::optional<Action> action_on_screen(const AppModel& m, KeyPress k) {
  const std::vector<Action> offered = screen_actions(m);
  for (Action a : offered)
    if (key_does(a, k)) return a;
  if (k.key == Key::S && k.shift) return action_on_screen(m, KeyPress{Key::S, 0, k.ch, false});
  return std::nullopt;
}

bool perform(AppModel& m, Action a, KeyPress k) {
  switch (a) {
    case Action::Choose: return choose(m, k.digit);
    case Action::Continue: return continue_on(m);
    case Action::Back: return m.go_back();
    case Action::Skip: return m.skip();
    case Action::SkipSurvey: return m.survey_skip_all();
    case Action::Pause: return m.pause();
    case Action::PreviousScreen: return m.back_screen();
    case Action::Leave: return m.request_leave();
    case Action::Help: return m.open_help();
    case Action::Repeat: return m.repeat_line();
  }
  return false;
}

}  // namespace upstander::app
