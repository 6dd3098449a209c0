// What the browser dashboard publishes in window.upstander each time it changes: the
// sign-in state, the mode and screen, the running session's code, join address and player
// count, the debrief's position, the notice's key and the buttons on screen. Tests and the
// first-frame measurement read it; it holds nothing a student typed.
#pragma once

#include <nlohmann/json.hpp>

#include "dashboard_model.hpp"
#include "upstander/ui/screen_controls.hpp"
#include "teacher_sign_in.hpp"

namespace upstander::dashboard::web {

nlohmann::json teacher_page_state(const Dashboard& d, const TeacherSignIn& sign_in,
                                  const app::ScreenControls& controls);

}  // namespace upstander::dashboard::web
