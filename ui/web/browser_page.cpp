// The page's address, language and size, and window.upstander, reached through EM_JS.
#include "upstander/ui/browser_page.hpp"

#include <emscripten.h>

#include <array>

// clang-format off
EM_JS(int, upstander_query_parameter, (const char* name, char* out, int size), {
  var v = new URLSearchParams(window.location.search).get(UTF8ToString(name)) || "";
  stringToUTF8(v, out, size);
  return lengthBytesUTF8(v);
});

EM_JS(void, upstander_browser_locale, (char* out, int size), {
  var l = (navigator.languages && navigator.languages[0]) || navigator.language || "";
  stringToUTF8(l.replace("-", "_"), out, size);
});

EM_JS(int, upstander_page_width, (), { return window.innerWidth; });
EM_JS(int, upstander_page_height, (), { return window.innerHeight; });

EM_JS(void, upstander_publish, (const char* json), {
  var u = window.upstander || (window.upstander = {});
  Object.assign(u, JSON.parse(UTF8ToString(json)));
  u.frames = (u.frames || 0) + 1;
});

EM_JS(void, upstander_mark, (const char* phase), {
  var u = window.upstander || (window.upstander = {});
  var t = u.timings || (u.timings = {});
  t[UTF8ToString(phase)] = performance.now();
});

EM_JS(void, upstander_mark_first_frame, (), {
  var u = window.upstander || (window.upstander = {});
  if (u.firstFrame) return;
  u.firstFrame = true;
  u.firstFrameMs = performance.now();
  var loading = document.getElementById("loading");
  if (loading) loading.remove();
});
// clang-format on

namespace upstander::ui::browser {

std::string query_parameter(const std::string& name) {
  std::array<char, 256> buf{};
  const int n = upstander_query_parameter(name.c_str(), buf.data(), static_cast<int>(buf.size()));
  if (n <= 0 || n >= static_cast<int>(buf.size())) return "";
  return std::string(buf.data());
}

std::string browser_locale() {
  std::array<char, 64> buf{};
  upstander_browser_locale(buf.data(), static_cast<int>(buf.size()));
  return std::string(buf.data());
}

void page_size(int& width, int& height) {
  width = upstander_page_width();
  height = upstander_page_height();
}

void publish(const std::string& json) {
  upstander_publish(json.c_str());
}

void mark(const char* phase) {
  upstander_mark(phase);
}

void mark_first_frame() {
  upstander_mark_first_frame();
}

}  // namespace upstander::ui::browser
