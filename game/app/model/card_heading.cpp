// Headings of excuse and thought cards by who speaks, in Korean and English grammar.
#include "card_heading.hpp"

#include <vector>

#include "upstander/utf8.hpp"

namespace upstander::app {

namespace {

constexpr char32_t kFirstSyllable = 0xAC00;  // 가
constexpr char32_t kLastSyllable = 0xD7A3;   // 힣

bool is_syllable(char32_t cp) {
  return cp >= kFirstSyllable && cp <= kLastSyllable;
}

// Hangul syllables are laid out as 19 initials x 21 vowels x 28 finals (0 = no final).
bool has_final_consonant(char32_t syllable) {
  return (syllable - kFirstSyllable) % 28 != 0;
}

}  // namespace

std::string korean_familiar_name(std::string_view name) {
  if (!utf8::is_valid(name)) return std::string(name);
  const std::vector<std::string_view> cps = utf8::split_code_points(name);
  if (cps.empty() || cps.size() > 4) return std::string(name);
  for (std::string_view cp : cps) {
    if (!is_syllable(utf8::decode(cp))) return std::string(name);
  }
  return has_final_consonant(utf8::decode(cps.back())) ? std::string(name) + "이"
                                                       : std::string(name);
}

std::string excuse_heading(const UiText& text, const Scenario& s, const ExcuseBody& excuse) {
  const std::string& who = excuse.speaker.id;
  if (who.empty()) return text.get("game.excuse.heading");
  if (who == s.player.id) return text.get("game.excuse.heading_player");
  const Character* c = s.find_character(who);
  if (c == nullptr || c->unknown) return text.get("game.excuse.heading");
  std::string name = text.pick(c->name);
  if (text.language() == "ko") name = korean_familiar_name(name);
  return text.get("game.excuse.heading_speaker", {{"name", name}});
}

std::string thought_heading(const UiText& text) {
  return text.get("game.thought.heading");
}

}  // namespace upstander::app
