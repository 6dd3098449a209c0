// "Play from here": a pack whose start is the author's chosen node opens straight on that
// node, with help at hand, and the model writes nothing.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "game_test_support.hpp"
#include "preview_start.hpp"

using namespace upstander;
using namespace upstander::app;
using namespace upstander::app::test;

namespace {

// group-chat as an author's preview file: a draft whose start is `node`.
std::filesystem::path preview_pack(const TempDir& dir, const std::string& node) {
  std::ifstream in(source_path("content/scenarios/group-chat.json"));
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(in);
  j["start"] = node;
  j["review"] = {{"status", "draft"}};
  const auto file = dir.path() / "preview.json";
  write_file(file, j.dump(1));
  return file;
}

}  // namespace

TEST_CASE("a preview starts on the chosen node, in the chosen language, drafts shown") {
  TempDir dir;
  const auto pack = preview_pack(dir, "forward-spreads");
  const ContentLibrary lib = ContentLibrary::load(
      {pack.string(), source_path("content/locale"), content_paths(true, false).back()});
  RecordingSink sink;
  NotConnected connection;
  AppModel model(lib, nullptr, sink, connection, "ko_KR.UTF-8");
  REQUIRE(start_preview(model, "en"));
  REQUIRE(model.runner() != nullptr);
  CHECK(model.runner()->node().id == "forward-spreads");
  CHECK(model.settings().language == "en");
  CHECK(model.scenario()->id == "group-chat");
  CHECK(model.open_help());  // help stays one key away
  // Nothing but the pack was given a place to write to.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::recursive_directory_iterator(dir.path()))
    ++files;
  CHECK(files == 1);
}

TEST_CASE("a library with no scenario cannot be previewed") {
  const ContentLibrary lib = ContentLibrary::load({source_path("content/locale")});
  RecordingSink sink;
  NotConnected connection;
  AppModel model(lib, nullptr, sink, connection, "en_US.UTF-8");
  CHECK_FALSE(start_preview(model, "en"));
}
