// "Play from here" in the browser: the student game opened in a new tab on a preview.
#pragma once

#include <string>

namespace upstander::dashboard::web {

// Opens `url` (the server's "/?preview=TOKEN&lang=ko") in a new tab; false when the
// browser refused it.
bool open_preview_tab(const std::string& url);

}  // namespace upstander::dashboard::web
