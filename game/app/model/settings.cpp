// Settings: defaults, JSON round trip and the country guess.
#include "settings.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <nlohmann/json.hpp>

namespace upstander::app {

double Settings::seconds_per_message() const {
  if (reduce_motion) return 0.0;
  static constexpr std::array<double, 3> kPace{1.6, 1.0, 0.55};
  return kPace[static_cast<std::size_t>(std::clamp(pace, 0, 2))];
}

float Settings::text_scale() const {
  static constexpr std::array<float, kTextSizeSteps> kScale{0.88f, 1.0f, 1.18f, 1.36f};
  return kScale[static_cast<std::size_t>(std::clamp(text_size, 0, kTextSizeSteps - 1))];
}

nlohmann::json to_json(const Settings& s) {
  return {{"language", s.language},           {"country", s.country},
          {"text_size", s.text_size},         {"high_contrast", s.high_contrast},
          {"reduce_motion", s.reduce_motion}, {"pace", s.pace},
          {"show_drafts", s.show_drafts},     {"read_aloud", s.read_aloud}};
}

namespace {

template <typename T>
T read_or(const nlohmann::json& j, const char* key, T fallback) {
  if (!j.is_object() || !j.contains(key)) return fallback;
  const auto& v = j.at(key);
  if constexpr (std::is_same_v<T, bool>) {
    return v.is_boolean() ? v.get<bool>() : fallback;
  } else if constexpr (std::is_same_v<T, int>) {
    return v.is_number_integer() ? v.get<int>() : fallback;
  } else {
    return v.is_string() ? v.get<std::string>() : fallback;
  }
}

bool is_country_code(const std::string& c) {
  return c.empty() || (c.size() <= 3 && std::all_of(c.begin(), c.end(), [](char ch) {
                         return ch >= 'A' && ch <= 'Z';
                       }));
}

}  // namespace

Settings settings_from_json(const nlohmann::json& j) {
  Settings d;
  Settings s;
  s.language = read_or(j, "language", d.language);
  if (s.language.size() > 8) s.language.clear();  // a locale code, not prose
  s.country = read_or(j, "country", d.country);
  if (!is_country_code(s.country)) s.country.clear();
  s.text_size = std::clamp(read_or(j, "text_size", d.text_size), 0, kTextSizeSteps - 1);
  s.high_contrast = read_or(j, "high_contrast", d.high_contrast);
  s.reduce_motion = read_or(j, "reduce_motion", d.reduce_motion);
  s.pace = std::clamp(read_or(j, "pace", d.pace), 0, 2);
  s.show_drafts = read_or(j, "show_drafts", d.show_drafts);
  s.read_aloud = read_or(j, "read_aloud", d.read_aloud);
  return s;
}

std::string country_from_locale(const std::string& posix_locale, const std::string& language) {
  // "ko_KR.UTF-8@euro" -> "KR"
  const auto underscore = posix_locale.find('_');
  if (underscore != std::string::npos && underscore + 3 <= posix_locale.size()) {
    std::string region = posix_locale.substr(underscore + 1, 2);
    if (std::isupper(static_cast<unsigned char>(region[0])) &&
        std::isupper(static_cast<unsigned char>(region[1]))) {
      return region;
    }
  }
  if (language == "ko" || posix_locale.rfind("ko", 0) == 0) return "KR";
  return "";
}

}  // namespace upstander::app
