// SDL2 + Dear ImGui setup, input translation, fonts rebuilt when the text size changes,
// and reading the frame back for screenshots.
#include "game_window.hpp"

#include <SDL.h>
#include <imgui.h>

#include <cmath>

#include "upstander/ui/imgui_window.hpp"
#include "screens.hpp"
#include "upstander/ui/theme.hpp"
#include "upstander/ui/touch_scroll.hpp"
#include "ui_context.hpp"

namespace upstander::app {

struct GameWindow::Impl {
  AppModel* model = nullptr;
  ui::ImGuiWindow window;

  ui::GlyphSet base_glyphs;  // the loaded content's, UI strings and key hints
  ui::GlyphSet glyphs;       // plus the class session's content
  ui::EmojiMap emoji;
  std::unique_ptr<ui::FontBuilder> builder;
  ui::FontSet fonts;
  ui::AtlasReport atlas;
  ui::Theme theme;
  ui::TextAudit audit;
  ui::FocusRing focus;
  ui::TouchScroll touch;
  ui::ScreenControls controls;
  std::function<double()> clock;
  int built_text_size = -1;
  bool built_contrast = false;
  bool touch_device = false;  // a finger has been used: the key footer goes
  std::uint64_t built_class_serial = ~std::uint64_t{0};

  // A class's content arrives from the teacher's server: its texts may use code points the
  // shipped content does not, so the atlas is built again with them.
  bool update_glyphs() {
    if (model->class_content_serial() == built_class_serial) return false;
    built_class_serial = model->class_content_serial();
    glyphs = base_glyphs;
    if (const ClassSession* cs = model->held_session()) {
      for (const Scenario* s : cs->scenarios) ui::add_scenario_glyphs(glyphs, *s);
      if (cs->survey) ui::add_survey_glyphs(glyphs, *cs->survey);
    }
    emoji = ui::EmojiMap(glyphs);
    return true;
  }

  void rebuild_fonts_if_needed() {
    const Settings& s = model->settings();
    const bool new_glyphs = update_glyphs();
    if (s.text_size == built_text_size && s.high_contrast == built_contrast && fonts.ok() &&
        !new_glyphs)
      return;
    if (s.text_size != built_text_size || !fonts.ok() || new_glyphs) {
      window.rebuild_fonts([&](ImFontAtlas& a) { build_fonts(a); });
      built_text_size = s.text_size;
    }
    theme = ui::make_theme(s.high_contrast);
    ui::apply_imgui_style(theme, fonts.scale);
    built_contrast = s.high_contrast;
  }

  void build_fonts(ImFontAtlas& a) {
    fonts = builder->build(a, glyphs, emoji, model->settings().text_scale(), &atlas);
  }
};

GameWindow::GameWindow() : impl_(std::make_unique<Impl>()) {}
GameWindow::~GameWindow() = default;

Result<void, std::string> GameWindow::open(AppModel& model, const WindowOptions& options) {
  Impl& d = *impl_;
  d.model = &model;
  d.builder = std::make_unique<ui::FontBuilder>(
      options.fonts.regular.empty() ? ui::default_font_files(options.assets_dir) : options.fonts);
  if (!d.builder->error().empty()) return fail(d.builder->error());
  d.base_glyphs = ui::content_glyphs(model.library());
  for (std::string_view h : hint::kAll) ui::add_text(d.base_glyphs, h);
  d.update_glyphs();

  ui::ImGuiWindowOptions wo;
  wo.width = options.width;
  wo.height = options.height;
  wo.min_width = options.min_width;
  wo.min_height = options.min_height;
  wo.hidden = options.hidden;
  wo.accelerated = options.accelerated;
  if (auto opened = d.window.open(wo, [&](ImFontAtlas& a) { d.build_fonts(a); }); !opened)
    return opened;
  // The game reads keys, never composed text: with a Korean IME in Hangul mode, text input
  // would swallow the letter keys (S, L, P and the join code's letters).
  SDL_StopTextInput();
  d.built_text_size = model.settings().text_size;
  d.built_contrast = model.settings().high_contrast;
  d.theme = ui::make_theme(d.built_contrast);
  ui::apply_imgui_style(d.theme, d.fonts.scale);
  return {};
}

namespace {

// The character a key types into the join screen's fields (letters, digits and the signs
// of a server address), from the key rather than composed text; 0 if none.
char key_char(const SDL_Keysym& k) {
  const SDL_Keycode c = k.sym;
  if (c >= SDLK_a && c <= SDLK_z) return static_cast<char>('a' + (c - SDLK_a));
  if (c >= SDLK_0 && c <= SDLK_9) return static_cast<char>('0' + (c - SDLK_0));
  if (c >= SDLK_KP_1 && c <= SDLK_KP_9) return static_cast<char>('1' + (c - SDLK_KP_1));
  if (c == SDLK_KP_0) return '0';
  if (c == SDLK_PERIOD || c == SDLK_KP_PERIOD) return '.';
  if (c == SDLK_MINUS || c == SDLK_KP_MINUS) return '-';
  if (c == SDLK_COLON || (c == SDLK_SEMICOLON && (k.mod & KMOD_SHIFT))) return ':';
  if (c == SDLK_LEFTBRACKET) return '[';
  if (c == SDLK_RIGHTBRACKET) return ']';
  if (c == SDLK_SLASH) return '/';
  return 0;
}

// Keys with a meaning in the game; Tab and the up/down arrows move the focus ring instead.
bool translate(const SDL_KeyboardEvent& e, KeyPress& out, int& focus_move) {
  const SDL_Keycode k = e.keysym.sym;
  const char ch = key_char(e.keysym);
  if (k >= SDLK_1 && k <= SDLK_9) {
    out = {Key::Digit, static_cast<int>(k - SDLK_0), ch};
    return true;
  }
  if (k >= SDLK_KP_1 && k <= SDLK_KP_9) {
    out = {Key::Digit, static_cast<int>(k - SDLK_KP_1) + 1, ch};
    return true;
  }
  switch (k) {
    case SDLK_RETURN:
    case SDLK_KP_ENTER: out = {Key::Enter, 0}; return true;
    case SDLK_SPACE: out = {Key::Space, 0}; return true;
    case SDLK_ESCAPE: out = {Key::Escape, 0}; return true;
    case SDLK_F1: out = {Key::F1, 0}; return true;
    case SDLK_BACKSPACE: out = {Key::Backspace, 0}; return true;
    case SDLK_LEFT: out = {Key::Left, 0}; return true;
    case SDLK_RIGHT: out = {Key::Right, 0}; return true;
    case SDLK_s: out = {Key::S, 0, ch, (e.keysym.mod & KMOD_SHIFT) != 0}; return true;
    case SDLK_l: out = {Key::L, 0, ch}; return true;
    case SDLK_p: out = {Key::P, 0, ch}; return true;
    case SDLK_r: out = {Key::R, 0, ch}; return true;
    case SDLK_TAB: focus_move = (e.keysym.mod & KMOD_SHIFT) ? -1 : 1; return false;
    case SDLK_DOWN: focus_move = 1; return false;
    case SDLK_UP: focus_move = -1; return false;
    default:
      if (ch == 0) return false;
      out = {Key::Char, 0, ch};
      return true;
  }
}

}  // namespace

bool GameWindow::pump(std::vector<KeyPress>& keys) {
  Impl& d = *impl_;
  return d.window.pump([&](const SDL_Event& e) {
    if (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_FINGERDOWN) d.focus.visible = false;
    if (e.type == SDL_FINGERDOWN) d.touch_device = true;
    if (e.type == SDL_KEYDOWN) {
      KeyPress k;
      int move = 0;
      if (translate(e.key, k, move)) {
        keys.push_back(k);
        // Typing a code: Enter joins rather than pressing a button the ring left focused.
        if (d.model->typing() && typed_char(k) != 0) d.focus.visible = false;
      }
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
  d.controls.clear();
  ui.controls = &d.controls;
  ui.touch_device = d.touch_device;
  d.focus.begin_frame();
  draw_app(ui);
  d.touch.frame();
  d.focus.end_frame();
  d.window.end_frame(d.theme.background);

  for (auto& action : ui.actions) action();
  const bool taken = d.focus.activated;
  for (const auto& k : keys) {
    if (taken && (k.key == Key::Enter || k.key == Key::Space)) continue;
    handle_key(*d.model, k);
  }
}

void GameWindow::custom_frame(const std::function<void(const ui::FontSet&)>& draw) {
  Impl& d = *impl_;
  d.window.begin_frame();
  draw(d.fonts);
  d.window.end_frame(IM_COL32(0, 0, 0, 255));
}

ui::ImGuiWindow& GameWindow::imgui_window() {
  return impl_->window;
}

void GameWindow::resize(int width, int height) {
  impl_->window.resize(width, height);
}

void GameWindow::use_clock(std::function<double()> clock) {
  impl_->clock = std::move(clock);
}

const ui::ScreenControls& GameWindow::controls() const {
  return impl_->controls;
}

ui::TextAudit& GameWindow::audit() {
  return impl_->audit;
}
const ui::AtlasReport& GameWindow::atlas() const {
  return impl_->atlas;
}

bool GameWindow::animating() const {
  const AppModel& m = *impl_->model;
  if (m.settings().reduce_motion) return false;
  return !m.fully_revealed() || m.now() - m.node_entered_at() < 2.0;
}

}  // namespace upstander::app
