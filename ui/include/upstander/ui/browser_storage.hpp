// The save folder in the browser: IndexedDB (Emscripten's IDBFS) mounted at a folder of the
// in-memory file system, read back before the game starts and written out after every save,
// so progress and settings survive a reload, a closed tab and a browser restart.
#pragma once

#include <string>

namespace upstander::ui::browser {

// Mounts IndexedDB at `dir` and starts reading it back (asynchronously).
void mount_storage(const std::string& dir);
// True once the saved files are back in `dir`: the game may read them.
bool storage_loaded();
// Copies `dir` to IndexedDB. Never blocks; writes asked for while one runs are merged into
// one more write afterwards, so the last save always reaches IndexedDB.
void persist_storage();

}  // namespace upstander::ui::browser
