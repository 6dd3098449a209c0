// The fonts the game draws with: Nanum Gothic (assets/fonts) in four sizes scaled by the
// text-size setting, built only from the glyphs the loaded content and UI strings use,
// plus colour emoji placed in the same atlas.
#pragma once

#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

#include "upstander/ui/display_text.hpp"
#include "upstander/ui/emoji_raster.hpp"
#include "upstander/ui/glyph_set.hpp"

namespace upstander::ui {

struct FontFiles {
  std::string regular;  // NanumGothic.ttf
  std::string bold;     // NanumGothicBold.ttf
  std::string emoji;    // NotoColorEmoji.ttf, or "" to draw no emoji
};

// assets/fonts next to the executable's source tree, or UPSTANDER_ASSETS_DIR's.
FontFiles default_font_files(const std::string& assets_dir);

struct FontSet {
  ImFont* body = nullptr;   // messages, buttons, cards
  ImFont* small = nullptr;  // names, times, sources
  ImFont* title = nullptr;  // headings (bold)
  ImFont* big = nullptr;    // the phone clock and the ripple number (ASCII only)
  float scale = 1.0f;
  bool ok() const { return body && small && title && big; }
};

struct AtlasReport {
  int width = 0;
  int height = 0;
  double build_ms = 0.0;
  std::size_t glyphs = 0;         // code points requested per text font
  std::size_t emoji = 0;          // of which drawn from the emoji font
  std::vector<char32_t> missing;  // in neither font: the tour fails on these
};

class FontBuilder {
 public:
  explicit FontBuilder(const FontFiles& files);
  ~FontBuilder();
  FontBuilder(const FontBuilder&) = delete;
  FontBuilder& operator=(const FontBuilder&) = delete;

  // "" when both text fonts were read.
  const std::string& error() const { return error_; }

  // Clears and rebuilds `atlas`. Afterwards the caller uploads the texture again.
  FontSet build(ImFontAtlas& atlas, const GlyphSet& glyphs, const EmojiMap& map, float scale,
                AtlasReport* report);

 private:
  bool text_font_has(char32_t cp) const;

  std::vector<unsigned char> regular_, bold_;
  EmojiRaster emoji_;
  std::vector<ImWchar> ranges_;
  std::vector<ImWchar> ascii_;
  std::string error_;
  struct Cmap;
  std::unique_ptr<Cmap> cmap_;
};

}  // namespace upstander::ui
