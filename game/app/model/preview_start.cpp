// Walks a fresh model to the first node of its only scenario.
#include "preview_start.hpp"

namespace upstander::app {

bool start_preview(AppModel& model, const std::string& language) {
  model.start();
  if (model.screen() == Screen::Language) model.choose_language(language.empty() ? "ko" : language);
  // A pack being written is a draft: the author must see it anyway.
  Settings s = model.settings();
  s.show_drafts = true;
  if (!language.empty()) s.language = language;
  model.update_settings(s);
  if (model.screen() != Screen::Mode || !model.choose_solo()) return false;
  if (!model.pick_scenario(0) || !model.note_play()) return false;
  if (model.screen() == Screen::PreSurvey) model.survey_skip_all();
  return model.runner() != nullptr;
}

}  // namespace upstander::app
