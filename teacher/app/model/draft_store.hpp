// Where author mode's drafts are kept and how "play from here" starts the game: files on
// this computer and a child process (FileDraftStore, the native dashboard), or the
// classroom server's data folder and a new browser tab (ServerDraftStore, the browser).
// The workspace edits local files either way; the store has them there before a draft is
// opened and hears of every save and autosave.
#pragma once

#include <string>
#include <vector>

#include "upstander/result.hpp"

namespace upstander::dashboard {

// The student game started on one node of the pack being edited.
struct PlayCommand {
  std::string pack_file;  // the scenario with its start moved to the node
  std::string pack_text;  // the same, as text
  std::string language;
  std::vector<std::string> argv;  // argv[0] is the game (a native game)
};

class DraftStore {
 public:
  virtual ~DraftStore() = default;
  // The drafts are in the packs folder (a server's come back after start-up).
  virtual bool ready() const = 0;
  // A locale key when the drafts could not be read or written; "" otherwise.
  virtual std::string problem() const = 0;
  // The pack at `pack_path` was saved, or its unsaved work autosaved, with `text`.
  virtual void saved(const std::string& pack_path, const std::string& text) = 0;
  virtual void autosaved(const std::string& pack_path, const std::string& text) = 0;
  // Starts the game on the pack; the locale key of the reason when it could not.
  virtual Result<void, std::string> play(const PlayCommand& command) = 0;
};

}  // namespace upstander::dashboard
