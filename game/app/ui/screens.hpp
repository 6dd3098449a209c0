// One function per screen and overlay; app_ui.cpp calls the right ones each frame. Each
// draws inside [a, b] (the window below the top bar) and posts model actions to `ui`.
#pragma once

#include <imgui.h>

#include "ui_context.hpp"

namespace upstander::app {

void draw_language(Ui& ui, ImVec2 a, ImVec2 b);
void draw_mode(Ui& ui, ImVec2 a, ImVec2 b);
void draw_join(Ui& ui, ImVec2 a, ImVec2 b);
void draw_class_welcome(Ui& ui, ImVec2 a, ImVec2 b);
void draw_picker(Ui& ui, ImVec2 a, ImVec2 b);
void draw_content_note(Ui& ui, ImVec2 a, ImVec2 b);
void draw_survey(Ui& ui, ImVec2 a, ImVec2 b);
void draw_play(Ui& ui, ImVec2 a, ImVec2 b);
void draw_reflection(Ui& ui, ImVec2 a, ImVec2 b);
void draw_debrief(Ui& ui, ImVec2 a, ImVec2 b);
void draw_finish(Ui& ui, ImVec2 a, ImVec2 b);

void draw_help_overlay(Ui& ui, ImVec2 a, ImVec2 b);
void draw_settings_overlay(Ui& ui, ImVec2 a, ImVec2 b);
void draw_pause_overlay(Ui& ui, ImVec2 a, ImVec2 b);
void draw_leave_overlay(Ui& ui, ImVec2 a, ImVec2 b);

// In class: the status line at the foot of the window; returns its height (0 in solo).
float class_status_bar(Ui& ui);

// The line naming the current screen's keys, just above `bottom` (key_footer.cpp); returns
// its height, 0 when hidden (on a touch device, in a phone-narrow window).
bool shows_key_footer(const Ui& ui);
float key_footer(Ui& ui, float bottom);

// The whole frame: top bar, the screen, a notice, an overlay.
void draw_app(Ui& ui);

}  // namespace upstander::app
