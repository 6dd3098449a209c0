// The game's state as the page publishes it.
#include "page_state.hpp"

#include <cmath>

namespace upstander::app {

namespace {

nlohmann::json controls_json(const ui::ScreenControls& controls) {
  auto out = nlohmann::json::array();
  for (const auto& c : controls.list) {
    out.push_back({{"label", c.label},
                   {"key", c.key},
                   {"x", std::lround(c.min.x)},
                   {"y", std::lround(c.min.y)},
                   {"w", std::lround(c.max.x - c.min.x)},
                   {"h", std::lround(c.max.y - c.min.y)}});
  }
  return out;
}

}  // namespace

nlohmann::json page_state(const AppModel& model, const ui::ScreenControls& controls) {
  nlohmann::json j;
  j["screen"] = std::string(name_of(model.screen()));
  j["overlay"] = std::string(name_of(model.overlay()));
  j["language"] = model.settings().language;
  j["scenario"] = model.scenario() ? model.scenario()->id : "";
  j["node"] = "";
  j["ending"] = false;
  j["choices"] = nlohmann::json::array();
  if (const Runner* r = model.runner(); r && r->started() && model.screen() == Screen::Play) {
    j["node"] = r->node().id;
    j["ending"] = r->at_ending();
    // The choices as the student sees them: only once every message is on screen.
    if (model.fully_revealed()) {
      for (int i : r->visible_choices())
        j["choices"].push_back(
            model.text().pick(r->node().choices[static_cast<std::size_t>(i)].text));
    }
  }
  j["surveyItem"] = model.survey_index();  // the survey's question on screen
  j["revealed"] = model.fully_revealed();
  j["inClass"] = model.in_class();
  j["pending"] = model.class_pending();
  j["notice"] = model.notice();
  j["readAloud"] = model.read_aloud_active();
  j["controls"] = controls_json(controls);
  return j;
}

}  // namespace upstander::app
