// The class core's ClassStore in the browser: localStorage, under keys of its own.
//
// Why localStorage and not IndexedDB (IDBFS): its writes are synchronous, so when
// enqueue() returns the event is already in the browser's storage and the core may send it
// at once, exactly as with SQLite natively; an IndexedDB write only completes in a later
// callback, and IDBFS needs a whole FS.syncfs() before it is on disk, so the core would
// have to hold every event back until then. The browser keeps localStorage across a
// reload, a closed tab and a restart; it is per origin (the class server's address), and a
// class's queue is small (a few hundred events of ~200 bytes, plus the session's content of
// about 250 KB, well under the 5 MB a page may keep). The session and the outbox are each
// one key written whole, so every write is all or nothing. Compiled only under Emscripten.
#pragma once

#include <optional>
#include <string>

#include "upstander/client/class_store.hpp"

namespace upstander::client::web {

class BrowserStore final : public ClassStore {
 public:
  // Keys are "<prefix>session" and "<prefix>outbox".
  explicit BrowserStore(std::string prefix = "upstander.class.");

  bool save_session(const SavedSession& s) override;
  std::optional<SavedSession> load_session() override;
  bool enqueue(const std::vector<std::pair<std::string, std::string>>& id_and_body) override;
  std::vector<QueuedEvent> peek(std::size_t max) override;
  bool remove(const std::vector<std::string>& ids) override;
  std::size_t count() override;
  bool clear_outbox() override;
  bool forget() override;

 private:
  std::string prefix_;
};

}  // namespace upstander::client::web
