// libqrencode's bytes (bit 0: dark) to a plain grid.
#include "qr_matrix.hpp"

#include <qrencode.h>

namespace upstander::dashboard {

QrMatrix make_qr(const std::string& text) {
  QrMatrix m;
  QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
  if (!code) return m;
  m.size = code->width;
  m.dark.resize(static_cast<std::size_t>(m.size * m.size));
  for (std::size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (code->data[i] & 1) != 0;
  QRcode_free(code);
  return m;
}

}  // namespace upstander::dashboard
