// Drawing text with the checks the tour relies on: every code point must have a glyph and
// every text must fit its box. `where` names the box in the tour's report.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

#include "upstander/ui/draw_context.hpp"

namespace upstander::ui {

// The size of `text` in `font` wrapped at `wrap` pixels (0 = one line).
ImVec2 measure(const DrawContext& ui, ImFont* font, std::string_view text, float wrap = 0.0f);

// Draws `text` at `pos`, wrapped at `wrap` (0 = one line), and returns its size. When
// `max_height` > 0 the text must fit in it; when `max_width` > 0 a single line must fit.
ImVec2 draw_text(DrawContext& ui, ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 color,
                 std::string_view text, float wrap, const char* where, float max_height = 0.0f,
                 float max_width = 0.0f);

// Draws one line centred in [x0, x1] at y; it must fit that width.
ImVec2 draw_centered(DrawContext& ui, ImDrawList* dl, ImFont* font, float x0, float x1, float y,
                     ImU32 color, std::string_view text, const char* where);

// Wrapped text with each line centred in [x0, x1]; returns the height.
float draw_wrapped_centered(DrawContext& ui, ImDrawList* dl, ImFont* font, float x0, float x1,
                            float y, ImU32 color, std::string_view text, const char* where);

// Same checks for text handed to ImGui's own widgets (sliders, checkboxes): returns the
// display form and reports missing glyphs.
std::string widget_label(DrawContext& ui, std::string_view text, const char* where);

// Reports code points of `text` that `font` cannot draw (for text drawn another way).
void audit_glyphs(DrawContext& ui, ImFont* font, std::string_view text, const char* where);

// Reports a box whose content is taller than the box (layouts that must not scroll).
void check_fit(DrawContext& ui, const char* where, std::string_view text, float need, float have);

}  // namespace upstander::ui
