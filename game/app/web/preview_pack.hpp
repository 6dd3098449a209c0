// "Play from here" from the teacher's browser dashboard: the page's ?preview=TOKEN names a
// pack the classroom server keeps for a while (its start moved to the teacher's node). The
// game fetches it, writes it to the page's files and plays only it, as the native game's
// --play does: no save, no class, nothing sent.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "upstander/client/transport.hpp"

namespace upstander::app {

class PreviewPack {
 public:
  explicit PreviewPack(std::string token);
  // Polled once a frame: true once the answer is in (content() says whether it came).
  bool poll();
  // What to load: the pack and the game's words and help; empty when the preview could
  // not be had (expired, or not served by a classroom server).
  const std::vector<std::string>& content() const { return content_; }

 private:
  std::unique_ptr<client::Transport> transport_;
  std::vector<std::string> content_;
  bool done_ = false;
};

}  // namespace upstander::app
