// What the browser page publishes about the game on window.upstander (docs/web.md): the
// screen, the scenario and node, the choices and the buttons on screen. Built here, headless
// and testable; the web platform only hands the JSON to the page.
#pragma once

#include <nlohmann/json.hpp>

#include "app_model.hpp"
#include "upstander/ui/screen_controls.hpp"

namespace upstander::app {

nlohmann::json page_state(const AppModel& model, const ui::ScreenControls& controls);

}  // namespace upstander::app
