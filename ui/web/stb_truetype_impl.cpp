// The implementation of Debian's header-only stb_truetype.h for the browser build (natively
// Debian's libstb provides it). The font builder reads glyph tables with it.
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb_truetype.h>
