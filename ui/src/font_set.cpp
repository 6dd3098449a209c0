// Building the atlas: glyph ranges from the content, custom rects for emoji.
#include "upstander/ui/font_set.hpp"

#include <stb_truetype.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <tuple>

namespace upstander::ui {

struct FontBuilder::Cmap {
  stbtt_fontinfo info{};
  bool ok = false;
};

namespace {

std::vector<unsigned char> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  return std::vector<unsigned char>(std::istreambuf_iterator<char>(in),
                                    std::istreambuf_iterator<char>());
}

}  // namespace

FontFiles default_font_files(const std::string& assets_dir) {
  return {assets_dir + "/fonts/NanumGothic.ttf", assets_dir + "/fonts/NanumGothicBold.ttf",
          system_emoji_font()};
}

FontBuilder::FontBuilder(const FontFiles& files)
    : regular_(read_file(files.regular)),
      bold_(read_file(files.bold)),
      emoji_(files.emoji),
      cmap_(std::make_unique<Cmap>()) {
  if (regular_.empty())
    error_ = "cannot read " + files.regular;
  else if (bold_.empty())
    error_ = "cannot read " + files.bold;
  if (!regular_.empty()) {
    cmap_->ok = stbtt_InitFont(&cmap_->info, regular_.data(),
                               stbtt_GetFontOffsetForIndex(regular_.data(), 0)) != 0;
  }
  ascii_ = {0x20, 0x7E, 0};
}

FontBuilder::~FontBuilder() = default;

bool FontBuilder::text_font_has(char32_t cp) const {
  return cmap_->ok && stbtt_FindGlyphIndex(&cmap_->info, static_cast<int>(cp)) != 0;
}

FontSet FontBuilder::build(ImFontAtlas& atlas, const GlyphSet& glyphs, const EmojiMap& map,
                           float scale, AtlasReport* report) {
  const auto t0 = std::chrono::steady_clock::now();
  FontSet set;
  set.scale = scale;
  atlas.Clear();
  if (!error_.empty()) return set;
  atlas.Flags |= ImFontAtlasFlags_NoMouseCursors;

  // Ranges are inclusive pairs; consecutive code points share a pair.
  ranges_.clear();
  std::vector<char32_t> emoji_needed;
  std::vector<char32_t> missing;
  for (char32_t cp : glyphs) {
    if (cp <= 0xFFFF && text_font_has(cp)) {
      const auto c = static_cast<ImWchar>(cp);
      if (!ranges_.empty() && ranges_.back() + 1 == c) {
        ranges_.back() = c;
      } else {
        ranges_.push_back(c);
        ranges_.push_back(c);
      }
    } else if (emoji_.has(cp) && map.display(cp) != kNoGlyph) {
      emoji_needed.push_back(cp);
    } else {
      missing.push_back(cp);
    }
  }
  ranges_.push_back(0);

  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // the builder keeps the bytes for the next rebuild
  cfg.OversampleH = 1;  // Hangul is dense: 3x horizontal oversampling triples the atlas
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  const auto add = [&](std::vector<unsigned char>& data, float px, const ImWchar* ranges) {
    return atlas.AddFontFromMemoryTTF(data.data(), static_cast<int>(data.size()),
                                      std::round(px * scale), &cfg, ranges);
  };
  set.body = add(regular_, 19.0f, ranges_.data());
  set.small = add(regular_, 15.0f, ranges_.data());
  set.title = add(bold_, 25.0f, ranges_.data());
  set.big = add(bold_, 54.0f, ascii_.data());

  // Each emoji in every text font, as a custom rectangle filled in after Build(). Font sizes
  // are only known to ImFont after Build(); use the requested ones. The big font carries
  // emoji too, smaller than its digits: it draws large avatars.
  const std::tuple<ImFont*, float, float> text_fonts[] = {
      {set.body, std::round(19.0f * scale), 0.92f},
      {set.small, std::round(15.0f * scale), 0.92f},
      {set.title, std::round(25.0f * scale), 0.92f},
      {set.big, std::round(54.0f * scale), 0.8f}};
  std::vector<int> sizes;
  for (const auto& [f, px, ratio] : text_fonts)
    sizes.push_back(static_cast<int>(std::round(px * ratio)));
  std::vector<std::vector<int>> rects(emoji_needed.size());  // per emoji, per font
  for (std::size_t e = 0; e < emoji_needed.size(); ++e) {
    const auto shown = static_cast<ImWchar>(map.display(emoji_needed[e]));
    for (std::size_t i = 0; i < sizes.size(); ++i) {
      const auto& [f, px, ratio] = text_fonts[i];
      rects[e].push_back(atlas.AddCustomRectFontGlyph(f, shown, sizes[i], sizes[i], px + 2.0f,
                                                      ImVec2(1.0f, std::round(px * 0.06f))));
    }
  }
  atlas.Build();
  unsigned char* pixels = nullptr;
  int tw = 0, th = 0;
  atlas.GetTexDataAsRGBA32(&pixels, &tw, &th);
  for (std::size_t e = 0; e < emoji_needed.size(); ++e) {
    const auto shown = static_cast<ImWchar>(map.display(emoji_needed[e]));
    const std::vector<EmojiBitmap> bitmaps = emoji_.render(emoji_needed[e], sizes);
    for (std::size_t i = 0; i < sizes.size(); ++i) {
      const ImFontAtlasCustomRect* r = atlas.GetCustomRectByIndex(rects[e][i]);
      const EmojiBitmap& bmp = bitmaps[i];
      for (int y = 0; y < bmp.height && y < r->Height; ++y) {
        std::memcpy(pixels + (static_cast<std::ptrdiff_t>(r->Y + y) * tw + r->X) * 4,
                    bmp.rgba.data() + static_cast<std::ptrdiff_t>(y) * bmp.width * 4,
                    static_cast<std::size_t>(std::min<int>(bmp.width, r->Width)) * 4);
      }
      // Colour glyphs ignore the text colour (ImGui tints everything else).
      if (const ImFontGlyph* g = std::get<0>(text_fonts[i])->FindGlyphNoFallback(shown))
        const_cast<ImFontGlyph*>(g)->Colored = 1;
    }
  }

  if (report) {
    report->width = tw;
    report->height = th;
    report->glyphs = glyphs.size();
    report->emoji = emoji_needed.size();
    report->missing = missing;
    report->build_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  }
  return set;
}

}  // namespace upstander::ui
