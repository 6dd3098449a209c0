// One game per data folder (issue 15 item 7): a second copy gets a profile of its own, and a
// folder is free again once its game has gone.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include "data_folder_lock.hpp"
#include "game_test_support.hpp"

using namespace upstander::app;
using namespace upstander::app::test;

TEST_CASE("a data folder is held by one game at a time, and free again once it has gone") {
  TempDir dir;
  {
    auto first = DataFolderLock::acquire(dir.path());
    REQUIRE(first.has_value());
    CHECK_FALSE(DataFolderLock::acquire(dir.path()).has_value());
    DataFolderLock moved = std::move(*first);  // still held after a move
    CHECK_FALSE(DataFolderLock::acquire(dir.path()).has_value());
  }
  CHECK(DataFolderLock::acquire(dir.path()).has_value());
}

TEST_CASE("a second and a third copy each play in a profile of their own") {
  TempDir dir;
  auto a = claim_data_folder(dir.path());
  auto b = claim_data_folder(dir.path());
  auto c = claim_data_folder(dir.path());
  REQUIRE(a);
  REQUIRE(b);
  REQUIRE(c);
  CHECK(a->profile == 1);
  CHECK(a->dir == dir.path());
  CHECK(b->profile == 2);
  CHECK(b->dir == dir.path() / "profiles" / "2");
  CHECK(c->profile == 3);
  // Their saves are apart: what one stores, the other does not see.
  ProgressStore(a->dir).store(kProgressFile, {{"node", "one"}});
  CHECK_FALSE(ProgressStore(b->dir).load(kProgressFile).has_value());
  // The first copy closes: the next copy gets the main folder back.
  a.reset();
  auto d = claim_data_folder(dir.path());
  REQUIRE(d);
  CHECK(d->profile == 1);
}

TEST_CASE("another process holding the folder counts, and its end (even a kill) frees it") {
  TempDir dir;
  int ready[2];
  REQUIRE(::pipe(ready) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    auto held = DataFolderLock::acquire(dir.path());
    const char ok = held ? '1' : '0';
    (void)!::write(ready[1], &ok, 1);
    ::pause();  // until killed
    ::_exit(0);
  }
  char ok = 0;
  REQUIRE(::read(ready[0], &ok, 1) == 1);
  CHECK(ok == '1');
  auto claimed = claim_data_folder(dir.path());
  REQUIRE(claimed);
  CHECK(claimed->profile == 2);
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  CHECK(DataFolderLock::acquire(dir.path()).has_value());
  ::close(ready[0]);
  ::close(ready[1]);
}

TEST_CASE("the second copy says why it has its own profile, in both languages") {
  for (const char* lang : {"ko", "en"}) {
    const UiText text(shipped_library(), lang);
    CHECK(text.has("game.notice.second_copy"));
  }
  TempDir dir;
  ProgressStore store(dir.path());
  RecordingSink sink;
  NotConnected connection;
  AppModel m(shipped_library(), &store, sink, connection, "ko_KR.UTF-8");
  m.start();
  m.show_notice("game.notice.second_copy");
  CHECK(m.notice() == "game.notice.second_copy");
}
