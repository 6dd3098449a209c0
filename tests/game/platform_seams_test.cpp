// The seams between the game and its platform: the save folder's persist hook (IndexedDB
// in the browser) and the invitation a class URL carries.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "game_test_support.hpp"
#include "progress_store.hpp"

using namespace upstander::app;
using namespace upstander::app::test;

TEST_CASE("the save folder persists after every write and removal, and only after them") {
  TempDir dir;
  int persisted = 0;
  ProgressStore store(dir.path(), [&] { ++persisted; });
  CHECK(store.store(kSettingsFile, {{"language", "ko"}}));
  CHECK(persisted == 1);
  // The persisted folder already holds the new file when the hook runs.
  ProgressStore seen(dir.path(), [&] {
    CHECK(std::filesystem::exists(dir.path() / kProgressFile));
    ++persisted;
  });
  CHECK(seen.store(kProgressFile, {{"version", 1}}));
  CHECK(persisted == 2);
  store.remove(kProgressFile);
  CHECK(persisted == 3);
  store.remove(kProgressFile);  // nothing to remove: nothing to persist
  CHECK(persisted == 3);
}

TEST_CASE("a failed write does not persist") {
  TempDir dir;
  write_file(dir.path() / "blocked", "a file where the folder should be");
  int persisted = 0;
  ProgressStore store(dir.path() / "blocked", [&] { ++persisted; });
  CHECK_FALSE(store.store(kSettingsFile, {{"language", "en"}}));
  CHECK(persisted == 0);
}
