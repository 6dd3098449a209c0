// Source links (issue 15 item 18): the scheme goes in one place for the phone and the
// debrief, and an address breaks only between its pieces.
#include <doctest/doctest.h>

#include "source_link.hpp"

using namespace upstander::app;

TEST_CASE("the scheme is dropped once, for http and https only") {
  CHECK(without_scheme("https://www.law.go.kr/a") == "www.law.go.kr/a");
  CHECK(without_scheme("http://example.org") == "example.org");
  CHECK(without_scheme("ftp://example.org") == "ftp://example.org");
  CHECK(without_scheme("https://https://x") == "https://x");  // one scheme, not a loop
  CHECK(source_site("https://easylaw.go.kr/CSP/CnpClsMain.laf?csmSeq=1") == "easylaw.go.kr");
  CHECK(source_site("stopncii.org") == "stopncii.org");
  CHECK(source_site("") == "");
}

TEST_CASE("an address is cut after '/', '.', '?', '&', '=' and '-', never inside a word") {
  const auto parts = url_segments("https://www.law.go.kr/LSW/lsInfoP.do?lsiSeq=2&efYd=20");
  REQUIRE(parts.size() == 11);
  CHECK(parts[0] == "www.");
  CHECK(parts[3] == "kr/");
  CHECK(parts[4] == "LSW/");
  CHECK(parts[5] == "lsInfoP.");
  CHECK(parts[6] == "do?");
  CHECK(parts.back() == "20");
  std::string joined;
  for (const auto& p : parts) joined += p;
  CHECK(joined == "www.law.go.kr/LSW/lsInfoP.do?lsiSeq=2&efYd=20");
  CHECK(url_segments("").empty());
}
