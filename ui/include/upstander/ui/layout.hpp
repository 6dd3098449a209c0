// Vertical layout for the menu-like screens, inside a scrolling ImGui child.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

#include "upstander/ui/widgets.hpp"

namespace upstander::ui {

class Column {
 public:
  // Lays out from the current cursor of the current window, `width` wide, centred.
  Column(DrawContext& ui, float width);
  ~Column();  // extends the window's content so it scrolls when taller than the window

  float x() const { return x_; }
  float y() const { return y_; }
  float width() const { return w_; }
  void space(float px) { y_ += px * ui_.s(); }
  // Continues below something drawn at the cursor from outside the column (in pixels).
  void move_to(float y) { y_ = y; }
  void title(std::string_view text, const char* where);
  void text(std::string_view text, const char* where, ImU32 color = 0, ImFont* font = nullptr);
  // A coloured card with an optional heading; returns nothing, moves down.
  void card(std::string_view heading, std::string_view text, ImU32 fill, const char* where);
  bool button(const char* id, std::string_view label, std::string_view key,
              ButtonKind kind = ButtonKind::Normal);
  // Buttons side by side, equal width; returns the index pressed or -1.
  int button_row(const char* id, const std::vector<std::string>& labels,
                 const std::vector<std::string>& keys, ButtonKind kind = ButtonKind::Normal);

 private:
  DrawContext& ui_;
  float x_, y_, w_;
  float start_y_;
};

// A child window filling [a, b] that scrolls vertically.
bool begin_region(const char* id, ImVec2 a, ImVec2 b);
void end_region();

}  // namespace upstander::ui
