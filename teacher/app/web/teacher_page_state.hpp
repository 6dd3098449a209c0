// What the browser dashboard publishes in window.upstander each time it changes: the
// sign-in state, the mode and screen, the running session's code, join address and player
// count, the debrief's position, the notice's key and the buttons on screen. Tests and the
// first-frame measurement read it; it holds nothing a student typed.
#pragma once

#include <nlohmann/json.hpp>

#include "author_workspace.hpp"
#include "dashboard_model.hpp"
#include "server_draft_store.hpp"
#include "upstander/ui/screen_controls.hpp"
#include "teacher_sign_in.hpp"

namespace upstander::dashboard::web {

nlohmann::json teacher_page_state(const Dashboard& d, const TeacherSignIn& sign_in,
                                  const ui::ScreenControls& controls);

// Author mode: the open pack and node, the save state, the recovery offer, the drafts on
// the server (ready, uploads waiting, the last autosaves' round trips in ms) and the last
// preview's address.
nlohmann::json author_page_state(AuthorWorkspace& w, const ServerDraftStore& drafts);

}  // namespace upstander::dashboard::web
