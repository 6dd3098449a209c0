// The page around the game: the address it was opened with, the browser's language, and
// window.upstander, where the game publishes what is on screen (docs/web.md).
#pragma once

#include <string>

namespace upstander::ui::browser {

// The value of `name` in the page's query string ("?code=ABC234"), or "".
std::string query_parameter(const std::string& name);
// The browser's preferred language as a POSIX-like locale ("ko-KR" becomes "ko_KR").
std::string browser_locale();
// The page's size in CSS pixels.
void page_size(int& width, int& height);
// Merges a JSON object into window.upstander.
void publish(const std::string& json);
// Records when a start-up phase ended (ms since the page began) in
// window.upstander.timings: where the first frame's time goes.
void mark(const char* phase);
// Sets window.upstander.firstFrame (and the time it took) once the first frame is drawn.
void mark_first_frame();

}  // namespace upstander::ui::browser
