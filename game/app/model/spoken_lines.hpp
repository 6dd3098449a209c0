// What read-aloud says for the screen in view, in reading order: each message, narration,
// card and choice the student can see now, and nothing they cannot see yet (a chat's later
// messages join the list as they appear). The texts are the content's own, in the
// student's language: what is heard is what is shown.
#pragma once

#include <string>
#include <vector>

namespace upstander::app {

class AppModel;

// The lines for the current screen and node; empty on screens with nothing to read (menus,
// the join screen) and while an overlay is open.
std::vector<std::string> spoken_lines(const AppModel& m);

}  // namespace upstander::app
