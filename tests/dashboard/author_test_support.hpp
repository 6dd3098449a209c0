// What the author mode tests share: the shipped scenarios, loaded once, and a workspace
// configuration whose folders are all inside a test's temporary directory.
#pragma once

#include <chrono>
#include <string>

#include "author_workspace.hpp"
#include "server_test_support.hpp"

namespace upstander::test {

inline const ContentLibrary& author_shipped() {
  static const ContentLibrary lib = ContentLibrary::load({source_path("content/scenarios")});
  return lib;
}

// Autosave writes at once (interval 0); the game and its content are never started.
inline dashboard::AuthorConfig author_config_in(const std::string& dir) {
  dashboard::AuthorConfig c;
  c.packs_dir = dir + "/packs";
  c.preview_dir = dir + "/preview";
  c.autosave.data_dir = dir + "/author-data";
  c.autosave.interval = std::chrono::milliseconds(0);
  c.game_exe = "/opt/upstander/upstander";
  c.content_dir = "/opt/upstander/content";
  return c;
}

}  // namespace upstander::test
