// The teacher guide keeps up with the content: every source the game cites is listed with its
// fact, and every decision point has discussion questions, in both languages.
#include <doctest/doctest.h>

#include <set>

#include "shipped_content.hpp"

using namespace upstander;
using namespace upstander::content_test;

namespace {

const char* const kGuideFiles[] = {"README.md", "lesson-plans.md", "discussion-questions.md", "disclosure.md",
                                   "consent-and-data.md", "facts.md"};

std::set<std::string> cited_sources() {
  std::set<std::string> out;
  for (const auto& id : kAllScenarios) {
    for (const auto& n : scenario(id).nodes) {
      if (n.kind == NodeKind::Fact) out.insert(n.as<FactBody>().source);
      if (!n.is_ending()) continue;
      const auto& e = n.as<EndingBody>();
      for (const DebriefLayer* layer : {&e.targeted, &e.around, &e.rules}) out.insert(layer->sources.begin(), layer->sources.end());
    }
  }
  if (const HelpDirectory* h = library().help()) {
    for (const auto& c : h->countries) {
      for (const auto& r : c.resources) {
        if (!r.source.empty()) out.insert(r.source);
      }
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the guide exists in Korean and English") {
  for (const char* locale : {"ko", "en"}) {
    for (const char* file : kGuideFiles) {
      CAPTURE(locale);
      CAPTURE(file);
      CHECK(read_text_file(std::string("content/guide/") + locale + "/" + file).size() > 500);
    }
  }
}

TEST_CASE("every source the game cites is listed in the guide's facts") {
  const auto sources = cited_sources();
  CHECK(sources.size() >= 10);
  for (const char* locale : {"ko", "en"}) {
    const std::string facts = read_text_file(std::string("content/guide/") + locale + "/facts.md");
    for (const auto& src : sources) {
      CAPTURE(locale);
      CAPTURE(src);
      CHECK(facts.find(src) != std::string::npos);
    }
  }
}

TEST_CASE("every decision point has discussion questions") {
  for (const char* locale : {"ko", "en"}) {
    const std::string guide = read_text_file(std::string("content/guide/") + locale + "/discussion-questions.md");
    for (const auto& id : kAllScenarios) {
      for (const auto& n : scenario(id).nodes) {
        if (!n.is_decision()) continue;
        CAPTURE(locale);
        CAPTURE(id);
        CAPTURE(n.id);
        CHECK(guide.find("`" + id + "/" + n.id + "`") != std::string::npos);
      }
    }
  }
}

TEST_CASE("the lesson plans cover both period lengths and the consent notes cover Korea and the US") {
  const std::string en_plans = read_text_file("content/guide/en/lesson-plans.md");
  CHECK(en_plans.find("45-minute") != std::string::npos);
  CHECK(en_plans.find("50-minute") != std::string::npos);
  const std::string ko_plans = read_text_file("content/guide/ko/lesson-plans.md");
  CHECK(ko_plans.find("45분") != std::string::npos);
  CHECK(ko_plans.find("50분") != std::string::npos);
  const std::string en_consent = read_text_file("content/guide/en/consent-and-data.md");
  CHECK(en_consent.find("PIPA") != std::string::npos);
  CHECK(en_consent.find("PPRA") != std::string::npos);
  const std::string ko_consent = read_text_file("content/guide/ko/consent-and-data.md");
  CHECK(ko_consent.find("개인정보 보호법") != std::string::npos);
  CHECK(ko_consent.find("PPRA") != std::string::npos);
}
