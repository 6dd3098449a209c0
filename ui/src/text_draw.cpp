// Text measuring and drawing through the emoji stand-ins, with glyph and fit checks.
#include "upstander/ui/text_draw.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "upstander/utf8.hpp"

namespace upstander::ui {

namespace {

void check_glyphs(DrawContext& ui, ImFont* font, std::string_view original,
                  const std::string& shown, const char* where) {
  ui.audit.drawn(where, original);
  for (std::string_view piece : utf8::split_code_points(shown)) {
    const char32_t cp = utf8::decode(piece);
    if (cp == '\n' || cp == '\r') continue;
    if (cp == kNoGlyph || cp > 0xFFFF || !font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) {
      // Report the code point as the author wrote it, not its private-use stand-in.
      char32_t reported = cp;
      for (const auto& [source, stand_in] : ui.emoji.stand_ins()) {
        if (stand_in == cp) reported = source;
      }
      ui.audit.missing_glyph(where, std::string(original), reported);
    }
  }
}

}  // namespace

ImVec2 measure(const DrawContext& ui, ImFont* font, std::string_view text, float wrap) {
  const std::string shown = to_display(text, ui.emoji);
  return font->CalcTextSizeA(font->FontSize, 1e9f, wrap, shown.data(), shown.data() + shown.size());
}

ImVec2 draw_text(DrawContext& ui, ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 color,
                 std::string_view text, float wrap, const char* where, float max_height,
                 float max_width) {
  const std::string shown = to_display(text, ui.emoji);
  check_glyphs(ui, font, text, shown, where);
  const ImVec2 size =
      font->CalcTextSizeA(font->FontSize, 1e9f, wrap, shown.data(), shown.data() + shown.size());
  if (max_height > 0.0f && size.y > max_height + 0.5f)
    ui.audit.does_not_fit(where, std::string(text), size.y, max_height);
  if (max_width > 0.0f && size.x > max_width + 0.5f)
    ui.audit.does_not_fit(where, std::string(text), size.x, max_width);
  if (wrap > 0.0f && size.x > wrap + 1.0f)
    ui.audit.does_not_fit(where, std::string(text), size.x, wrap);
  dl->AddText(font, font->FontSize, ImVec2(std::floor(pos.x), std::floor(pos.y)), color,
              shown.data(), shown.data() + shown.size(), wrap);
  return size;
}

ImVec2 draw_centered(DrawContext& ui, ImDrawList* dl, ImFont* font, float x0, float x1, float y,
                     ImU32 color, std::string_view text, const char* where) {
  const ImVec2 size = measure(ui, font, text);
  const float x = x0 + std::max(0.0f, (x1 - x0 - size.x) * 0.5f);
  return draw_text(ui, dl, font, ImVec2(x, y), color, text, 0.0f, where, 0.0f, x1 - x0);
}

float draw_wrapped_centered(DrawContext& ui, ImDrawList* dl, ImFont* font, float x0, float x1,
                            float y, ImU32 color, std::string_view text, const char* where) {
  const std::string shown = to_display(text, ui.emoji);
  check_glyphs(ui, font, text, shown, where);
  const float wrap = x1 - x0;
  const char* s = shown.data();
  const char* end = shown.data() + shown.size();
  float top = y;
  while (s < end) {
    const char* line_end = font->CalcWordWrapPositionA(1.0f, s, end, wrap);
    if (line_end == s) ++line_end;  // always progress
    const char* nl =
        static_cast<const char*>(memchr(s, '\n', static_cast<std::size_t>(line_end - s)));
    if (nl) line_end = nl;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, s, line_end);
    if (size.x > wrap + 1.0f) ui.audit.does_not_fit(where, std::string(text), size.x, wrap);
    dl->AddText(font, font->FontSize,
                ImVec2(std::floor(x0 + (wrap - size.x) * 0.5f), std::floor(y)), color, s, line_end);
    y += font->FontSize;
    s = line_end;
    while (s < end && (*s == ' ' || *s == '\n')) ++s;
  }
  return y - top;
}

std::string widget_label(DrawContext& ui, std::string_view text, const char* where) {
  std::string shown = to_display(text, ui.emoji);
  check_glyphs(ui, ImGui::GetFont(), text, shown, where);
  return shown;
}

void audit_glyphs(DrawContext& ui, ImFont* font, std::string_view text, const char* where) {
  check_glyphs(ui, font, text, to_display(text, ui.emoji), where);
}

void check_fit(DrawContext& ui, const char* where, std::string_view text, float need, float have) {
  if (need > have + 0.5f) ui.audit.does_not_fit(where, std::string(text), need, have);
}

}  // namespace upstander::ui
