// Typing in the browser through the page's own text input (the OS input method, e.g. Korean
// Hangul composition) into Dear ImGui's text fields.
#pragma once

namespace upstander::ui::browser {

// Called after every frame (ui/web/frame_loop_web.cpp). While ImGui wants text, a transparent
// <textarea> sits focused at the active field's caret, so the browser's input method composes
// into it; the composing text is shown there, and committed text (compositionend, pastes,
// insertions that are not key presses) goes to ImGui once. Plain keys still reach ImGui as
// SDL's key and text events; while composing they belong to the input method. When ImGui no
// longer wants text, the element is blurred and the page's keys are the canvas's again.
void text_input_after_frame();

}  // namespace upstander::ui::browser
