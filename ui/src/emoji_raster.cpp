// FreeType loading of colour (CBDT) emoji and box-filter scaling to the text size.
#include "upstander/ui/emoji_raster.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <filesystem>

namespace upstander::ui {

struct EmojiRaster::Impl {
  FT_Library lib = nullptr;
  FT_Face face = nullptr;
};

EmojiRaster::EmojiRaster(const std::string& font_path) : impl_(std::make_unique<Impl>()) {
  if (font_path.empty()) return;
  if (FT_Init_FreeType(&impl_->lib) != 0) return;
  if (FT_New_Face(impl_->lib, font_path.c_str(), 0, &impl_->face) != 0) {
    impl_->face = nullptr;
    return;
  }
  // Colour emoji fonts hold fixed-size bitmap strikes; the first one is the only one.
  if (impl_->face->num_fixed_sizes > 0) {
    FT_Select_Size(impl_->face, 0);
  } else {
    FT_Set_Pixel_Sizes(impl_->face, 0, 64);
  }
}

EmojiRaster::~EmojiRaster() {
  if (impl_->face) FT_Done_Face(impl_->face);
  if (impl_->lib) FT_Done_FreeType(impl_->lib);
}

bool EmojiRaster::ok() const {
  return impl_->face != nullptr;
}

bool EmojiRaster::has(char32_t cp) const {
  return ok() && FT_Get_Char_Index(impl_->face, cp) != 0;
}

namespace {

// Box-filters the glyph's bitmap into `size` pixels square, aspect kept, centred.
EmojiBitmap scaled(const FT_Bitmap& bm, int size) {
  EmojiBitmap out;
  const int sw = static_cast<int>(bm.width);
  const int sh = static_cast<int>(bm.rows);
  const bool color = bm.pixel_mode == FT_PIXEL_MODE_BGRA;
  const float k = static_cast<float>(size) / static_cast<float>(std::max(sw, sh));
  const int dw = std::max(1, static_cast<int>(static_cast<float>(sw) * k + 0.5f));
  const int dh = std::max(1, static_cast<int>(static_cast<float>(sh) * k + 0.5f));
  out.width = size;
  out.height = size;
  out.rgba.assign(static_cast<std::size_t>(size * size * 4), 0);
  const int ox = (size - dw) / 2;
  const int oy = (size - dh) / 2;
  for (int y = 0; y < dh; ++y) {
    const int y0 = y * sh / dh;
    const int y1 = std::max(y0 + 1, (y + 1) * sh / dh);
    for (int x = 0; x < dw; ++x) {
      const int x0 = x * sw / dw;
      const int x1 = std::max(x0 + 1, (x + 1) * sw / dw);
      double acc[4] = {0, 0, 0, 0};  // premultiplied r, g, b, a
      int n = 0;
      for (int sy = y0; sy < y1; ++sy) {
        const unsigned char* row = bm.buffer + static_cast<std::ptrdiff_t>(sy) * bm.pitch;
        for (int sx = x0; sx < x1; ++sx, ++n) {
          if (color) {
            const unsigned char* p = row + sx * 4;  // B, G, R, A premultiplied
            acc[0] += p[2];
            acc[1] += p[1];
            acc[2] += p[0];
            acc[3] += p[3];
          } else {
            const double a = row[sx];
            acc[0] += a;
            acc[1] += a;
            acc[2] += a;
            acc[3] += a;
          }
        }
      }
      const double a = acc[3] / n;
      std::uint8_t* d = &out.rgba[static_cast<std::size_t>(((oy + y) * size + (ox + x)) * 4)];
      if (a <= 0.0) continue;
      for (int c = 0; c < 3; ++c)
        d[c] = static_cast<std::uint8_t>(std::clamp(acc[c] / n * 255.0 / a, 0.0, 255.0));
      d[3] = static_cast<std::uint8_t>(std::clamp(a, 0.0, 255.0));
    }
  }
  return out;
}

}  // namespace

std::vector<EmojiBitmap> EmojiRaster::render(char32_t cp, const std::vector<int>& sizes) const {
  std::vector<EmojiBitmap> out(sizes.size());
  if (!has(cp)) return out;
  const FT_UInt index = FT_Get_Char_Index(impl_->face, cp);
  if (FT_Load_Glyph(impl_->face, index, FT_LOAD_COLOR | FT_LOAD_RENDER) != 0) return out;
  const FT_Bitmap& bm = impl_->face->glyph->bitmap;
  if (bm.width == 0 || bm.rows == 0) return out;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    if (sizes[i] > 0) out[i] = scaled(bm, sizes[i]);
  }
  return out;
}

std::string system_emoji_font() {
  for (const char* p : {"/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
                        "/usr/share/fonts/noto/NotoColorEmoji.ttf"}) {
    if (std::filesystem::exists(p)) return p;
  }
  return "";
}

}  // namespace upstander::ui
