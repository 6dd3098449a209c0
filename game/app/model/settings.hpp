// What a student chose for this machine: language, country for help, text size, contrast,
// motion, reading pace and read-aloud. Stored next to the save; never sent anywhere.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace upstander::app {

inline constexpr int kTextSizeSteps = 4;  // small, normal, large, extra large

struct Settings {
  std::string language;  // "" until the student picks one on the first screen
  std::string country;   // ISO code for the help list; "" = guess from the system locale
  int text_size = 1;     // 0 .. kTextSizeSteps-1
  bool high_contrast = false;
  bool reduce_motion = false;
  int pace = 1;  // message pace: 0 slow, 1 normal, 2 fast
  bool show_drafts = false;
  bool read_aloud = false;  // offered only where the device has a voice (ReadAloud)

  // Seconds between two chat messages appearing; 0 when motion is reduced.
  double seconds_per_message() const;
  float text_scale() const;

  bool operator==(const Settings&) const = default;
};

nlohmann::json to_json(const Settings& s);
// Unknown or out-of-range values fall back to the defaults: a hand-edited file never
// stops the game from starting.
Settings settings_from_json(const nlohmann::json& j);

// The country whose help lines to show first, from a POSIX locale such as "ko_KR.UTF-8";
// without a region, Korean means KR; otherwise "" (the help file's fallback list).
std::string country_from_locale(const std::string& posix_locale, const std::string& language);

}  // namespace upstander::app
