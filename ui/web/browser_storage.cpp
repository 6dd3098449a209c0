// IDBFS mounting and syncing, in JavaScript called from C++. The page can see the state on
// window.upstander.storage (tests wait for `busy` to be false before reloading).
#include "upstander/ui/browser_storage.hpp"

#include <emscripten.h>

// clang-format off
EM_JS(void, upstander_mount_storage, (const char* dir), {
  var d = UTF8ToString(dir);
  var u = window.upstander || (window.upstander = {});
  u.storage = {loaded: false, busy: false, again: false, writes: 0, error: ""};
  FS.mkdirTree(d);
  FS.mount(IDBFS, {}, d);
  FS.syncfs(true, function(err) {
    if (err) u.storage.error = String(err);
    u.storage.loaded = true;
  });
});

EM_JS(int, upstander_storage_loaded, (), {
  return window.upstander && window.upstander.storage.loaded ? 1 : 0;
});

EM_JS(void, upstander_persist_storage, (), {
  var s = window.upstander.storage;
  if (s.busy) { s.again = true; return; }
  s.busy = true;
  var write = function() {
    FS.syncfs(false, function(err) {
      if (err) s.error = String(err);
      s.writes++;
      if (s.again) { s.again = false; write(); } else { s.busy = false; }
    });
  };
  write();
});
// clang-format on

namespace upstander::ui::browser {

void mount_storage(const std::string& dir) {
  upstander_mount_storage(dir.c_str());
}

bool storage_loaded() {
  return upstander_storage_loaded() != 0;
}

void persist_storage() {
  upstander_persist_storage();
}

}  // namespace upstander::ui::browser
