// Colour emoji from Debian's Noto Color Emoji font (fonts-noto-color-emoji), drawn with
// FreeType into the ImGui atlas. stb_truetype cannot read colour bitmap fonts.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace upstander::ui {

struct EmojiBitmap {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // straight (not premultiplied) alpha, row-major
};

class EmojiRaster {
 public:
  // An empty path or a missing file gives a raster that has no glyphs (ok() is false).
  explicit EmojiRaster(const std::string& font_path);
  ~EmojiRaster();
  EmojiRaster(const EmojiRaster&) = delete;
  EmojiRaster& operator=(const EmojiRaster&) = delete;

  bool ok() const;
  bool has(char32_t cp) const;
  // The emoji scaled to each of `sizes` pixels square (empty bitmaps when the font lacks
  // it). One call per emoji: the font's glyph is a PNG, decoded once for all sizes.
  std::vector<EmojiBitmap> render(char32_t cp, const std::vector<int>& sizes) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Where Debian installs the emoji font; "" when it is not installed.
std::string system_emoji_font();

}  // namespace upstander::ui
