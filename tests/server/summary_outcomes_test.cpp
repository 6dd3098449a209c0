// The summary's endings (issue 14): runs that ended on the skip route are shown apart as
// one suppressed "skipped" cell and never among the endings, and a scenario whose player
// is targeted says so, so the dashboard names its outcomes supported / not yet supported.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "answer_kind.hpp"
#include "server_test_support.hpp"
#include "session_content.hpp"
#include "summary_builder.hpp"

using namespace upstander;
using namespace upstander::server;

namespace {

std::string read_text(const std::string& relative) {
  std::ifstream in(std::string(UPSTANDER_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream b;
  b << in.rdbuf();
  return b.str();
}

std::shared_ptr<const SessionContent> content_of(std::string bytes) {
  auto c = SessionContent::load({{"scenario.json", "scenario", std::move(bytes), ""}});
  REQUIRE_MESSAGE(c, (c ? "" : c.error().message));
  REQUIRE(*c != nullptr);
  return *c;
}

// 12 upstander, 6 mixed, 5 harm and `skipped` on the skip route of the feature tour.
nlohmann::ordered_json endings_with(const SessionContent& content, std::int64_t skipped) {
  AggregateTable agg;
  const std::string id = "feature-tour";
  agg.set(AnswerKind::Ending, id, "", "end-upstander", 12);
  agg.set(AnswerKind::Ending, id, "", "end-mixed", 6);
  agg.set(AnswerKind::Ending, id, "", "end-harm", 5);
  agg.set(AnswerKind::Ending, id, "", "end-skipped", skipped);
  agg.set(AnswerKind::Progress, id, id, "finished", 23 + skipped);
  const auto summary = build_summary({&content, "en", 5}, agg);
  return summary["scenarios"][0];
}

}  // namespace

TEST_CASE("skipped runs are counted apart, never as an ending, and suppressed below k") {
  const auto content = content_of(read_text("content/scenarios/feature-tour.json"));
  SUBCASE("two skippers: fewer than k, and not worked out from the total") {
    const auto sc = endings_with(*content, 2);
    CHECK(sc["player_targeted"] == false);
    const auto& endings = sc["endings"];
    for (const auto& c : endings["cells"]) {
      CHECK(c["id"] != "end-skipped");
      CHECK(c["outcome"] != "skipped");
    }
    CHECK(endings["cells"].size() == 3);
    REQUIRE(endings.contains("skipped"));
    CHECK(endings["skipped"]["shown"] == "fewer_than_k");
    CHECK(endings["skipped"]["count"].is_null());
    // The total is everyone who finished, so it and the visible endings cannot add up to
    // the hidden skip count: some ending must be hidden with it.
    int hidden = 0;
    for (const auto& c : endings["cells"]) hidden += c["count"].is_number() ? 0 : 1;
    if (endings["total"]["count"].is_number()) CHECK(hidden > 0);
  }
  SUBCASE("seven skippers are published as a count of their own") {
    const auto sc = endings_with(*content, 7);
    CHECK(sc["endings"]["skipped"]["shown"] == "count");
    CHECK(sc["endings"]["skipped"]["count"] == 7);
    CHECK(sc["endings"]["total"]["count"] == 30);
    CHECK(sc["endings"]["cells"].size() == 3);
  }
}

TEST_CASE("a scenario without a skip route has no skipped cell; a targeted player is flagged") {
  std::string bytes = read_text("content/scenarios/feature-tour.json");
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(bytes);
  // Make the player targeted and the endings the supported family, with no skip route.
  j["targeted"] = nlohmann::ordered_json::array({"me"});
  auto& nodes = j["nodes"];
  for (auto& n : nodes) {
    if (n.contains("skip_to")) n.erase("skip_to");
    if (n["kind"] == "excuse") {  // the player's own words become thoughts
      n["kind"] = "thought";
      n["thought"] = n["excuse"];
      n.erase("excuse");
    }
    if (n["kind"] == "ending") {
      const std::string o = n["outcome"];
      n["outcome"] = o == "upstander" ? "supported"
                     : o == "mixed"   ? "partly_supported"
                                      : "not_yet_supported";
    }
  }
  nlohmann::ordered_json kept = nlohmann::ordered_json::array();
  for (auto& n : nodes) {
    if (n["id"] != "skip-helps" && n["id"] != "end-skipped") kept.push_back(n);
  }
  j["nodes"] = kept;
  const auto content = content_of(j.dump());
  AggregateTable agg;
  agg.set(AnswerKind::Ending, "feature-tour", "", "end-upstander", 9);
  const auto sc = build_summary({content.get(), "en", 5}, agg)["scenarios"][0];
  CHECK(sc["player_targeted"] == true);
  CHECK_FALSE(sc["endings"].contains("skipped"));
  CHECK(sc["endings"]["cells"][0]["outcome"] == "supported");
}
