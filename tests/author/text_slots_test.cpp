// Text slots use the engine's keys, include the empty places, and set texts in locale order.
#include <doctest/doctest.h>

#include <set>

#include "author_test_support.hpp"
#include "upstander/author/text_slots.hpp"
#include "upstander/scenario_text.hpp"

using namespace upstander;
using namespace upstander::author;

TEST_CASE("the slots with text are exactly the texts for_each_text visits, in the same order") {
  for (const auto& path : test::shipped_scenario_paths()) {
    CAPTURE(path);
    const Scenario s = test::load_scenario(path);
    std::vector<std::string> engine_keys, slot_keys;
    for_each_text(
        s, [&](const std::string& key, const LocalizedText&) { engine_keys.push_back(key); });
    for_each_slot(s, [&](const TextSlot& slot, const LocalizedText& t) {
      if (!t.empty()) slot_keys.push_back(slot.key);
    });
    CHECK(slot_keys == engine_keys);
  }
}

TEST_CASE("empty optional places are slots too, and find_slot reaches them") {
  Scenario s = test::load_scenario(test::source_path("content/scenarios/feature-tour.json"));
  std::set<std::string> optional_empty;
  for_each_slot(s, [&](const TextSlot& slot, const LocalizedText& t) {
    if (t.empty()) {
      CHECK_FALSE(slot.required);
      optional_empty.insert(slot.key);
    }
  });
  for (const auto& key : optional_empty) {
    TextSlot slot;
    LocalizedText* t = find_slot(s, key, &slot);
    REQUIRE(t != nullptr);
    CHECK(slot.key == key);
    CHECK(slot.limit > 0);
  }
  CHECK(find_slot(s, "node/no-such-node/text") == nullptr);
  CHECK(find_slot(s, "title") == &s.title);
}

TEST_CASE("set_localized keeps the declared order and removes a locale on empty text") {
  LocalizedText t;
  set_localized(t, "en", "Hello", {"ko", "en"});
  set_localized(t, "ko", "안녕", {"ko", "en"});
  REQUIRE(t.entries().size() == 2);
  CHECK(t.entries()[0].first == "ko");
  CHECK(t.entries()[1].first == "en");
  set_localized(t, "ko", "", {"ko", "en"});
  REQUIRE(t.entries().size() == 1);
  CHECK(*t.find("en") == "Hello");
}
