// The SDL2 window with Dear ImGui on SDL's software renderer, drawing an AppModel. The
// game, the tour and the benchmark all draw through this one class, so what the tour
// checks is what students see.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app_model.hpp"
#include "upstander/result.hpp"
#include "upstander/ui/font_set.hpp"
#include "key_input.hpp"
#include "upstander/ui/screen_controls.hpp"
#include "upstander/ui/text_audit.hpp"

namespace upstander::ui {
class ImGuiWindow;
}

namespace upstander::app {

struct WindowOptions {
  int width = 1280;
  int height = 720;
  int min_width = 1024;  // a phone's browser goes down to 360 wide
  int min_height = 600;
  bool hidden = false;       // the tour and the benchmark draw without showing a window
  bool accelerated = false;  // see ImGuiWindowOptions
  std::string assets_dir;
  ui::FontFiles fonts;  // default_font_files(assets_dir) when `fonts.regular` is empty
};

class GameWindow {
 public:
  GameWindow();
  ~GameWindow();
  GameWindow(const GameWindow&) = delete;
  GameWindow& operator=(const GameWindow&) = delete;

  // false with `error` set when SDL, the renderer or the fonts cannot be set up.
  Result<void, std::string> open(AppModel& model, const WindowOptions& options);

  // Reads pending input: keys for the model, focus moves, resizes. False when the window
  // was closed.
  bool pump(std::vector<KeyPress>& keys);
  // Draws one frame of the model, presents it, then runs the actions buttons posted and
  // applies `keys` that no focused button took.
  void frame(const std::vector<KeyPress>& keys);
  // Redraws without input (the tour settles layouts this way).
  void frame() { frame({}); }
  // A frame drawn by `draw` instead of the game, with the same fonts and renderer: the
  // benchmark's bare-ImGui baseline.
  void custom_frame(const std::function<void(const ui::FontSet&)>& draw);

  // The SDL window and renderer it draws with.
  ui::ImGuiWindow& imgui_window();
  // Replaces the real clock (seconds) with one the caller sets: the tour and the bench
  // use it so animations are captured at known moments.
  void use_clock(std::function<double()> clock);
  void resize(int width, int height);
  ui::TextAudit& audit();
  // The buttons the last frame drew.
  const ui::ScreenControls& controls() const;
  const ui::AtlasReport& atlas() const;
  // True while something on screen moves (messages arriving, the ripple, a banner).
  bool animating() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace upstander::app
