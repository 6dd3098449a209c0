// A new tab through EM_JS, within a second of the teacher's click (the preview's answer),
// which the browser still counts as the click's: no pop-up blocker in the way.
#include "preview_tab.hpp"

#include <emscripten.h>

// clang-format off
EM_JS(int, upstander_open_preview_tab, (const char* url), {
  const tab = window.open(UTF8ToString(url), "_blank");
  return tab ? 1 : 0;
});
// clang-format on

namespace upstander::dashboard::web {

bool open_preview_tab(const std::string& url) {
  return upstander_open_preview_tab(url.c_str()) == 1;
}

}  // namespace upstander::dashboard::web
