// The native dashboard's drafts: the pack files and recovery files on this computer are the
// drafts (the workspace has written them), and "play from here" starts the game binary.
#pragma once

#include <sys/types.h>

#include <vector>

#include "draft_store.hpp"

namespace upstander::dashboard {

class FileDraftStore final : public DraftStore {
 public:
  bool ready() const override { return true; }
  std::string problem() const override { return {}; }
  void saved(const std::string&, const std::string&) override {}
  void autosaved(const std::string&, const std::string&) override {}
  Result<void, std::string> play(const PlayCommand& command) override;

 private:
  std::vector<pid_t> games_;  // "play from here" games still running, to reap
};

}  // namespace upstander::dashboard
