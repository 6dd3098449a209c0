// Decision titles (issue 15 item 11): the guide's heading, else the start of the node's
// text, never an internal id like "photo".
#include <doctest/doctest.h>

#include "test_support.hpp"
#include "upstander/decision_title.hpp"
#include "upstander/utf8.hpp"

using namespace upstander;

namespace {

const Node& node_of(const Scenario& s, const std::string& id) {
  for (const auto& n : s.nodes)
    if (n.id == id) return n;
  FAIL("no node " << id);
  return s.nodes.front();
}

}  // namespace

TEST_CASE("a decision is titled by the guide's heading in the guide's language") {
  const test::Loaded l = test::load_repo_file("content/scenarios/group-chat.json");
  REQUIRE(l.file.scenario() != nullptr);
  const Scenario& s = *l.file.scenario();
  const DiscussionGuide ko = DiscussionGuide::load(guide_path(test::source_path("content"), "ko"));
  const DiscussionGuide en = DiscussionGuide::load(guide_path(test::source_path("content"), "en"));
  CHECK(decision_title(s, node_of(s, "first-move"), "ko", &ko) ==
        "첫 반응: 반 단톡에 사진이 올라옴");
  CHECK(decision_title(s, node_of(s, "first-move"), "en", &en) ==
        "First move: the photo lands in the class chat");
}

TEST_CASE("every shipped decision has a guide heading in both languages") {
  for (const char* file : {"group-chat", "just-for-fun", "the-message", "the-friend"}) {
    const test::Loaded l = test::load_repo_file(std::string("content/scenarios/") + file + ".json");
    REQUIRE(l.file.scenario() != nullptr);
    const Scenario& s = *l.file.scenario();
    for (const char* lang : {"ko", "en"}) {
      const DiscussionGuide g =
          DiscussionGuide::load(guide_path(test::source_path("content"), lang));
      for (const auto& n : s.nodes) {
        if (!n.is_decision()) continue;
        INFO(file << "/" << n.id << " in " << lang);
        CHECK(g.find(s.id, n.id) != nullptr);
      }
    }
  }
}

TEST_CASE("without a guide entry, a decision is titled by the start of its text") {
  const test::Loaded l = test::load_repo_file("content/scenarios/group-chat.json");
  const Scenario& s = *l.file.scenario();
  const Node& n = node_of(s, "first-move");
  const std::string ko = decision_title(s, n, "ko", nullptr);
  CHECK(ko.rfind("알림이 멈추질 않아.", 0) == 0);
  CHECK(utf8::count_code_points(ko) <= kDecisionTitleChars);
  CHECK(ko.size() > 3);
  CHECK(ko.substr(ko.size() - 3) == "\xE2\x80\xA6");
  // A guide that covers other scenarios only falls back the same way.
  const DiscussionGuide other =
      DiscussionGuide::parse("### Elsewhere (`the-friend/d1`)\n- a question\n");
  CHECK(decision_title(s, n, "ko", &other) == ko);
}

TEST_CASE("shortening cuts at a space in the second half, counts code points, and marks the cut") {
  CHECK(shorten_text("short", 10) == "short");
  CHECK(shorten_text("exactly10!", 10) == "exactly10!");
  CHECK(shorten_text("one two three four", 10) == "one two…");
  CHECK(shorten_text("abcdefghijklmnop", 10) == "abcdefghi…");      // no space: a hard cut
  CHECK(shorten_text("가나다라마바사아자차카", 5) == "가나다라…");  // 11 syllables, 33 bytes
  CHECK(utf8::count_code_points(shorten_text(std::string(200, 'x'), 48)) == 48);
}
