// Mapping astral-plane emoji onto private-use code points for a 16-bit ImGui.
#include "upstander/ui/display_text.hpp"

#include "upstander/utf8.hpp"

namespace upstander::ui {

EmojiMap::EmojiMap(const GlyphSet& glyphs) {
  char32_t next = kFirstPrivateUse;
  for (char32_t cp : glyphs) {
    if (cp <= 0xFFFF) continue;
    if (next > kLastPrivateUse) break;  // 6,400 distinct emoji: far beyond any scenario
    stand_in_[cp] = next++;
  }
}

char32_t EmojiMap::display(char32_t cp) const {
  if (cp <= 0xFFFF) return cp;
  const auto it = stand_in_.find(cp);
  return it == stand_in_.end() ? kNoGlyph : it->second;
}

std::string to_display(std::string_view utf8, const EmojiMap& map) {
  std::string out;
  out.reserve(utf8.size());
  for (std::string_view piece : utf8::split_code_points(utf8)) {
    const char32_t cp = utf8::decode(piece);
    if (is_modifier(cp)) continue;
    if (cp <= 0xFFFF && cp != kNoGlyph) {
      out.append(piece);
      continue;
    }
    utf8::append(out, map.display(cp));
  }
  return out;
}

std::optional<std::string> from_display(std::string_view shown, const EmojiMap& map) {
  std::map<char32_t, char32_t> original;
  for (const auto& [emoji, stand_in] : map.stand_ins()) original[stand_in] = emoji;
  std::string out;
  out.reserve(shown.size());
  for (std::string_view piece : utf8::split_code_points(shown)) {
    const char32_t cp = utf8::decode(piece);
    if (cp == kNoGlyph) return std::nullopt;
    const auto it = original.find(cp);
    if (it == original.end())
      out.append(piece);
    else
      utf8::append(out, it->second);
  }
  return out;
}

}  // namespace upstander::ui
