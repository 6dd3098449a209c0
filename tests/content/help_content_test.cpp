// The shipped help directory: Korea in full, the US, the UK and the international fallback,
// every service reachable by phone, text or web address.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "shipped_content.hpp"
#include "upstander/help_directory.hpp"

using namespace upstander;
using namespace upstander::content_test;

namespace {

const HelpDirectory& help() {
  const HelpDirectory* h = library().help();
  REQUIRE_MESSAGE(h != nullptr, render(library().diagnostics()));
  return *h;
}

const HelpCountry& country(const std::string& code) {
  const HelpCountry* c = nullptr;
  for (const auto& x : help().countries) {
    if (x.code == code) c = &x;
  }
  REQUIRE_MESSAGE(c != nullptr, "no help listed for " << code);
  return *c;
}

const HelpResource* with_phone(const HelpCountry& c, const std::string& phone) {
  for (const auto& r : c.resources) {
    if (r.phone == phone) return &r;
  }
  return nullptr;
}

bool has_url_containing(const HelpCountry& c, const std::string& part) {
  return std::any_of(c.resources.begin(), c.resources.end(),
                     [&](const HelpResource& r) { return r.url.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("Korea, the US, the UK and the international fallback are listed") {
  for (const char* code : {"KR", "US", "GB", "INT"}) {
    CAPTURE(code);
    CHECK_FALSE(country(code).resources.empty());
  }
  CHECK(help().fallback == "INT");
  const HelpCountry* elsewhere = help().for_country("FR");
  REQUIRE(elsewhere != nullptr);
  CHECK(elsewhere->code == "INT");
}

TEST_CASE("every service can be reached and says what it does in both languages") {
  for (const auto& c : help().countries) {
    for (const auto& r : c.resources) {
      CAPTURE(r.id);
      CHECK((!r.phone.empty() || !r.text.empty() || !r.url.empty()));
      if (!r.url.empty()) CHECK(r.url.rfind("https://", 0) == 0);
      CHECK_FALSE(r.what.get("ko").empty());
      CHECK_FALSE(r.what.get("en").empty());
      CHECK_FALSE(r.topics.empty());
    }
  }
}

TEST_CASE("Korea is listed in full") {
  const HelpCountry& kr = country("KR");
  REQUIRE(with_phone(kr, "1366") != nullptr);
  CHECK(with_phone(kr, "1366")->hours.get("en") == "24 hours");
  const HelpResource* centre = with_phone(kr, "02-735-8994");
  REQUIRE(centre != nullptr);
  CHECK(centre->url == "https://d4u.stop.or.kr");
  const HelpResource* school = with_phone(kr, "117");
  REQUIRE(school != nullptr);
  CHECK(school->text == "#0117");
  CHECK(with_phone(kr, "112") != nullptr);
  CHECK(with_phone(kr, "1377") != nullptr);
  CHECK(has_url_containing(kr, "ecrm.police.go.kr"));
  // Every help topic an ending can lead with has a Korean service behind it.
  std::set<HelpTopic> topics;
  for (const auto& r : kr.resources) topics.insert(r.topics.begin(), r.topics.end());
  CHECK(topics.size() == 6);
}

TEST_CASE("the US, the UK and the fallback list the takedown and reporting services") {
  const HelpCountry& us = country("US");
  CHECK(has_url_containing(us, "takeitdown.ncmec.org"));
  CHECK(has_url_containing(us, "cybertip.org"));
  const HelpCountry& gb = country("GB");
  REQUIRE(with_phone(gb, "0800 1111") != nullptr);
  const HelpResource* rph = with_phone(gb, "0345 6000 459");
  REQUIRE(rph != nullptr);
  CHECK(rph->audience == HelpAudience::Adults);
  CHECK(has_url_containing(gb, "report-remove"));
  const HelpCountry& intl = country("INT");
  CHECK(has_url_containing(intl, "takeitdown.ncmec.org"));
  CHECK(has_url_containing(intl, "stopncii.org"));
}

TEST_CASE("an ending's help topics put matching Korean services first") {
  const HelpCountry& kr = country("KR");
  const auto ranked = help().ranked(kr, {HelpTopic::Takedown});
  REQUIRE_FALSE(ranked.empty());
  CHECK(std::find(ranked.front()->topics.begin(), ranked.front()->topics.end(),
                  HelpTopic::Takedown) != ranked.front()->topics.end());
}
