// Settings: round trip, tolerance of hand-edited files, the country guess and the pace.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "settings.hpp"

using namespace upstander::app;

TEST_CASE("settings survive a round trip through JSON") {
  Settings s;
  s.language = "ko";
  s.country = "KR";
  s.text_size = 3;
  s.high_contrast = true;
  s.reduce_motion = true;
  s.pace = 0;
  s.show_drafts = true;
  s.read_aloud = true;
  CHECK(settings_from_json(to_json(s)) == s);
}

TEST_CASE("bad values in a settings file fall back to the defaults") {
  const auto j = nlohmann::json::parse(
      R"({"language": 7, "country": "korea", "text_size": 99, "high_contrast": "yes", "pace": -4, "read_aloud": 1, "extra": 1})");
  const Settings s = settings_from_json(j);
  const Settings d;
  CHECK(s.language == d.language);
  CHECK(s.country.empty());
  CHECK(s.text_size == kTextSizeSteps - 1);
  CHECK(s.high_contrast == d.high_contrast);
  CHECK(s.pace == 0);
  CHECK_FALSE(s.read_aloud);
  CHECK(settings_from_json(nlohmann::json::array()) == d);
}

TEST_CASE("the country comes from the system locale, else from the language") {
  CHECK(country_from_locale("ko_KR.UTF-8", "en") == "KR");
  CHECK(country_from_locale("en_GB.UTF-8@euro", "en") == "GB");
  CHECK(country_from_locale("C.UTF-8", "ko") == "KR");
  CHECK(country_from_locale("", "en").empty());
  CHECK(country_from_locale("ko", "en") == "KR");
}

TEST_CASE("text sizes grow step by step and reduce motion makes messages instant") {
  Settings s;
  float last = 0.0f;
  for (int i = 0; i < kTextSizeSteps; ++i) {
    s.text_size = i;
    CHECK(s.text_scale() > last);
    last = s.text_scale();
  }
  CHECK(kTextSizeSteps >= 3);
  s.pace = 0;
  const double slow = s.seconds_per_message();
  s.pace = 2;
  CHECK(s.seconds_per_message() < slow);
  s.reduce_motion = true;
  CHECK(s.seconds_per_message() == 0.0);
}
