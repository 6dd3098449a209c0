// Dear ImGui (Debian's build) stores code points in 16 bits, so emoji above U+FFFF cannot
// be drawn as themselves. The game gives each such emoji it will show a private-use code
// point (U+E000 up) with a colour glyph behind it, and converts text just before drawing.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "upstander/ui/glyph_set.hpp"

namespace upstander::ui {

inline constexpr char32_t kFirstPrivateUse = 0xE000;
inline constexpr char32_t kLastPrivateUse = 0xF8FF;
inline constexpr char32_t kNoGlyph = 0xFFFD;

class EmojiMap {
 public:
  EmojiMap() = default;
  // Assigns a private-use code point to every code point above U+FFFF in `glyphs`.
  explicit EmojiMap(const GlyphSet& glyphs);

  // The code point to draw for `cp`: itself in the BMP, its private-use stand-in, or
  // kNoGlyph when it was not in the set the map was built from.
  char32_t display(char32_t cp) const;
  const std::map<char32_t, char32_t>& stand_ins() const { return stand_in_; }

 private:
  std::map<char32_t, char32_t> stand_in_;
};

// `utf8` with modifiers dropped and emoji above U+FFFF replaced by their stand-ins.
std::string to_display(std::string_view utf8, const EmojiMap& map);
// Back from what a text field edited in display form: stand-ins become their emoji again.
// nullopt when it holds U+FFFD, which is what ImGui makes of a code point above U+FFFF it
// was given (a pasted emoji the atlas has no stand-in for): that text would lose it.
std::optional<std::string> from_display(std::string_view shown, const EmojiMap& map);

}  // namespace upstander::ui
