// A small PNG writer on zlib: stb_image_write's own deflate was 40% of the tour's time,
// and screenshots want speed over size (zlib level 1, the "up" filter).
#include "upstander/ui/png_file.hpp"

#include <zlib.h>

#include <array>
#include <cstdint>
#include <fstream>

namespace upstander::ui {

namespace {

void put32(std::vector<unsigned char>& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<unsigned char>((v >> shift) & 0xFF));
}

void chunk(std::ofstream& f, const char type[4], const std::vector<unsigned char>& data) {
  std::vector<unsigned char> head;
  put32(head, static_cast<std::uint32_t>(data.size()));
  head.insert(head.end(), type, type + 4);
  uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(type), 4);
  if (!data.empty()) crc = crc32(crc, data.data(), static_cast<uInt>(data.size()));
  std::vector<unsigned char> tail;
  put32(tail, static_cast<std::uint32_t>(crc));
  f.write(reinterpret_cast<const char*>(head.data()), static_cast<std::streamsize>(head.size()));
  f.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
  f.write(reinterpret_cast<const char*>(tail.data()), static_cast<std::streamsize>(tail.size()));
}

}  // namespace

bool write_png_file(const std::filesystem::path& file, const std::vector<unsigned char>& rgba,
                    int width, int height) {
  if (width <= 0 || height <= 0) return false;
  const auto w = static_cast<std::size_t>(width);
  const auto h = static_cast<std::size_t>(height);
  if (rgba.size() < w * h * 4) return false;
  // Each row: filter byte 2 ("up": difference to the row above), then the pixels.
  std::vector<unsigned char> raw((w * 4 + 1) * h);
  for (std::size_t y = 0; y < h; ++y) {
    unsigned char* row = &raw[y * (w * 4 + 1)];
    row[0] = 2;
    const unsigned char* cur = &rgba[y * w * 4];
    const unsigned char* up = y > 0 ? &rgba[(y - 1) * w * 4] : nullptr;
    for (std::size_t i = 0; i < w * 4; ++i)
      row[1 + i] = static_cast<unsigned char>(cur[i] - (up ? up[i] : 0));
  }
  uLongf packed_size = compressBound(static_cast<uLong>(raw.size()));
  std::vector<unsigned char> packed(packed_size);
  if (compress2(packed.data(), &packed_size, raw.data(), static_cast<uLong>(raw.size()), 1) != Z_OK)
    return false;
  packed.resize(packed_size);

  std::ofstream f(file, std::ios::binary | std::ios::trunc);
  if (!f) return false;
  static constexpr std::array<unsigned char, 8> kSignature{0x89, 'P',  'N',  'G',
                                                           '\r', '\n', 0x1A, '\n'};
  f.write(reinterpret_cast<const char*>(kSignature.data()), kSignature.size());
  std::vector<unsigned char> ihdr;
  put32(ihdr, static_cast<std::uint32_t>(width));
  put32(ihdr, static_cast<std::uint32_t>(height));
  ihdr.insert(ihdr.end(),
              {8, 6, 0, 0, 0});  // 8 bits, RGBA, deflate, adaptive filters, no interlace
  chunk(f, "IHDR", ihdr);
  chunk(f, "IDAT", packed);
  chunk(f, "IEND", {});
  return static_cast<bool>(f);
}

}  // namespace upstander::ui
