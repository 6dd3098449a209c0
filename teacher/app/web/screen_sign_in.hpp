// The browser dashboard's sign-in screen: what to do to sign in, the passphrase field and
// why the last try failed. Drawn instead of the dashboard until the teacher is signed in.
#pragma once

#include "dash_ui.hpp"
#include "teacher_sign_in.hpp"

namespace upstander::dashboard::web {

void draw_sign_in(DashUi& ui, TeacherSignIn& sign_in);

}  // namespace upstander::dashboard::web
