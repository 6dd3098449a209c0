// SDL2 + Dear ImGui setup, input translation, fonts rebuilt when the text size changes,
// and reading the frame back for screenshots.
#include "game_window.hpp"

#include <SDL.h>
#include <imgui.h>

#include <cmath>

#include "imgui_window.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "ui_context.hpp"

namespace upstander::app {

struct GameWindow::Impl {
  AppModel* model = nullptr;
  ImGuiWindow window;

  GlyphSet glyphs;
  EmojiMap emoji;
  std::unique_ptr<FontBuilder> builder;
  FontSet fonts;
  AtlasReport atlas;
  Theme theme;
  TextAudit audit;
  FocusRing focus;
  std::function<double()> clock;
  int built_text_size = -1;
  bool built_contrast = false;

  void rebuild_fonts_if_needed() {
    const Settings& s = model->settings();
    if (s.text_size == built_text_size && s.high_contrast == built_contrast && fonts.ok()) return;
    if (s.text_size != built_text_size || !fonts.ok()) {
      window.rebuild_fonts([&](ImFontAtlas& a) { build_fonts(a); });
      built_text_size = s.text_size;
    }
    theme = make_theme(s.high_contrast);
    apply_imgui_style(theme, fonts.scale);
    built_contrast = s.high_contrast;
  }

  void build_fonts(ImFontAtlas& a) {
    fonts = builder->build(a, glyphs, emoji, model->settings().text_scale(), &atlas);
  }
};

GameWindow::GameWindow() : impl_(std::make_unique<Impl>()) {}
GameWindow::~GameWindow() = default;

bool GameWindow::open(AppModel& model, const WindowOptions& options, std::string& error) {
  Impl& d = *impl_;
  d.model = &model;
  d.builder = std::make_unique<FontBuilder>(default_font_files(options.assets_dir));
  if (!d.builder->error().empty()) {
    error = d.builder->error();
    return false;
  }
  d.glyphs = content_glyphs(model.library());
  for (std::string_view h : hint::kAll) add_text(d.glyphs, h);
  d.emoji = EmojiMap(d.glyphs);

  ImGuiWindowOptions wo;
  wo.width = options.width;
  wo.height = options.height;
  wo.hidden = options.hidden;
  if (!d.window.open(wo, [&](ImFontAtlas& a) { d.build_fonts(a); }, error)) return false;
  d.built_text_size = model.settings().text_size;
  d.built_contrast = model.settings().high_contrast;
  d.theme = make_theme(d.built_contrast);
  apply_imgui_style(d.theme, d.fonts.scale);
  return true;
}

namespace {

// Keys with a meaning in the game; Tab and the up/down arrows move the focus ring instead.
bool translate(const SDL_KeyboardEvent& e, KeyPress& out, int& focus_move) {
  const SDL_Keycode k = e.keysym.sym;
  if (k >= SDLK_1 && k <= SDLK_9) {
    out = {Key::Digit, static_cast<int>(k - SDLK_0)};
    return true;
  }
  if (k >= SDLK_KP_1 && k <= SDLK_KP_9) {
    out = {Key::Digit, static_cast<int>(k - SDLK_KP_1) + 1};
    return true;
  }
  switch (k) {
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
      out = {Key::Enter, 0};
      return true;
    case SDLK_SPACE:
      out = {Key::Space, 0};
      return true;
    case SDLK_ESCAPE:
      out = {Key::Escape, 0};
      return true;
    case SDLK_F1:
      out = {Key::F1, 0};
      return true;
    case SDLK_BACKSPACE:
      out = {Key::Backspace, 0};
      return true;
    case SDLK_LEFT:
      out = {Key::Left, 0};
      return true;
    case SDLK_RIGHT:
      out = {Key::Right, 0};
      return true;
    case SDLK_s:
      out = {Key::S, 0};
      return true;
    case SDLK_l:
      out = {Key::L, 0};
      return true;
    case SDLK_p:
      out = {Key::P, 0};
      return true;
    case SDLK_TAB:
      focus_move = (e.keysym.mod & KMOD_SHIFT) ? -1 : 1;
      return false;
    case SDLK_DOWN:
      focus_move = 1;
      return false;
    case SDLK_UP:
      focus_move = -1;
      return false;
    default:
      return false;
  }
}

}  // namespace

bool GameWindow::pump(std::vector<KeyPress>& keys) {
  Impl& d = *impl_;
  return d.window.pump([&](const SDL_Event& e) {
    if (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_FINGERDOWN) d.focus.visible = false;
    if (e.type == SDL_KEYDOWN) {
      KeyPress k;
      int move = 0;
      if (translate(e.key, k, move)) keys.push_back(k);
      if (move != 0) d.focus.move = move;
    }
  });
}

void GameWindow::frame(const std::vector<KeyPress>& keys) {
  Impl& d = *impl_;
  d.rebuild_fonts_if_needed();
  d.model->tick(d.clock ? d.clock() : static_cast<double>(SDL_GetTicks64()) / 1000.0);
  bool enter = false;
  for (const auto& k : keys) enter = enter || k.key == Key::Enter || k.key == Key::Space;
  d.focus.activate = enter && d.focus.visible;

  d.window.begin_frame();
  Ui ui{*d.model, d.fonts, d.theme, d.audit, d.emoji, d.focus, d.window.size(), {}};
  d.focus.begin_frame();
  draw_app(ui);
  d.focus.end_frame();
  d.window.end_frame(d.theme.background);

  for (auto& action : ui.actions) action();
  const bool taken = d.focus.activated;
  for (const auto& k : keys) {
    if (taken && (k.key == Key::Enter || k.key == Key::Space)) continue;
    handle_key(*d.model, k);
  }
}

void GameWindow::custom_frame(const std::function<void(const FontSet&)>& draw) {
  Impl& d = *impl_;
  d.window.begin_frame();
  draw(d.fonts);
  d.window.end_frame(IM_COL32(0, 0, 0, 255));
}

bool GameWindow::write_png(const std::filesystem::path& file) {
  return impl_->window.write_png(file);
}

void GameWindow::resize(int width, int height) {
  impl_->window.resize(width, height);
}

void GameWindow::use_clock(std::function<double()> clock) {
  impl_->clock = std::move(clock);
}

TextAudit& GameWindow::audit() {
  return impl_->audit;
}
const AtlasReport& GameWindow::atlas() const {
  return impl_->atlas;
}

bool GameWindow::animating() const {
  const AppModel& m = *impl_->model;
  if (m.settings().reduce_motion) return false;
  return !m.fully_revealed() || m.now() - m.node_entered_at() < 2.0;
}

}  // namespace upstander::app
