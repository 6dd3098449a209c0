// The dashboard's window: the shared SDL + ImGui window, the fonts (rebuilt when the
// window's size class, the text size or the server's texts need it), the theme, and the
// keys the teacher uses. The app, the tour, the tests' renders and the benchmark all draw
// through it.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "author_workspace.hpp"
#include "dash_ui.hpp"
#include "dashboard_model.hpp"
#include "upstander/ui/draw_data_renderer.hpp"
#include "upstander/ui/font_set.hpp"
#include "upstander/ui/screen_controls.hpp"
#include "upstander/result.hpp"
#include "upstander/ui/text_audit.hpp"

namespace upstander::dashboard {

struct WindowSetup {
  int width = 1280;
  int height = 720;
  bool hidden = false;
  std::string assets_dir;
  ui::FontFiles fonts;       // default_font_files(assets_dir) when `fonts.regular` is empty
  bool accelerated = false;  // see app::ImGuiWindowOptions (the browser: WebGL)
};

class DashboardWindow {
 public:
  DashboardWindow();
  ~DashboardWindow();
  DashboardWindow(const DashboardWindow&) = delete;
  DashboardWindow& operator=(const DashboardWindow&) = delete;

  // Author mode's tab appears once the window has a workspace (before or after open).
  void set_author(AuthorWorkspace* workspace);
  // The reason (SDL's, or a font that cannot be read) when the window cannot open.
  Result<void, std::string> open(Dashboard& model, const ContentLibrary& lib,
                                 const WindowSetup& setup);
  // Reads input (keys act on the model); false when the window was closed.
  bool pump();
  // Draws one frame and runs the actions its buttons posted.
  void frame();
  // A frame drawn by `draw` instead of the dashboard (the browser's sign-in screen), with
  // the same fonts, theme and model.
  void frame(const std::function<void(DashUi&)>& draw);
  // The buttons the last frame drew (the browser publishes them for tests).
  const ui::ScreenControls& controls() const;
  bool write_png(const std::filesystem::path& file);
  void resize(int width, int height);
  ui::TextAudit& audit();
  // What the last frame that drew handed to SDL (rectangle fills, triangles), and whether
  // the last frame drew at all (a frame equal to the one on screen is skipped).
  const ui::DrawDataStats& last_draw() const;
  bool last_frame_redrawn() const;
  // Draw the next frame in full even if nothing changed (benchmarks).
  void invalidate();
  // Code points drawn that no font had when the atlas was built (the tour fails on them).
  const std::vector<char32_t>& missing_glyphs() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace upstander::dashboard
