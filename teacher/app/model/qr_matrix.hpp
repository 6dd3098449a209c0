// A QR code as a grid of dark and light modules (libqrencode), for the lobby to draw with
// rectangles.
#pragma once

#include <string>
#include <vector>

namespace upstander::dashboard {

struct QrMatrix {
  int size = 0;  // modules per side; 0 when encoding failed
  std::vector<bool> dark;
  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

// Error correction level M: readable from the back of a classroom with some glare.
QrMatrix make_qr(const std::string& text);

}  // namespace upstander::dashboard
