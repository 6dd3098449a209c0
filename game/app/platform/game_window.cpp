// SDL2 + Dear ImGui setup, input translation, fonts rebuilt when the text size changes,
// and reading the frame back for screenshots.
#include "game_window.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include <cmath>

#include "png_file.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "ui_context.hpp"

namespace upstander::app {

struct GameWindow::Impl {
  AppModel* model = nullptr;
  SDL_Window* window = nullptr;
  SDL_Renderer* renderer = nullptr;
  ImGuiContext* imgui = nullptr;
  bool backends = false;

  GlyphSet base_glyphs;  // the loaded content's, UI strings and key hints
  GlyphSet glyphs;       // plus the class session's content
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
  std::uint64_t built_class_serial = ~std::uint64_t{0};

  // A class's content arrives from the teacher's server: its texts may use code points the
  // shipped content does not, so the atlas is built again with them.
  bool update_glyphs() {
    if (model->class_content_serial() == built_class_serial) return false;
    built_class_serial = model->class_content_serial();
    glyphs = base_glyphs;
    if (const ClassSession* cs = model->held_session()) add_session_glyphs(glyphs, *cs);
    emoji = EmojiMap(glyphs);
    return true;
  }

  void rebuild_fonts_if_needed() {
    const Settings& s = model->settings();
    const bool new_glyphs = update_glyphs();
    if (s.text_size == built_text_size && s.high_contrast == built_contrast && fonts.ok() &&
        !new_glyphs)
      return;
    if (s.text_size != built_text_size || !fonts.ok() || new_glyphs) {
      if (backends) ImGui_ImplSDLRenderer_DestroyFontsTexture();
      fonts = builder->build(*ImGui::GetIO().Fonts, glyphs, emoji, s.text_scale(), &atlas);
      if (backends) ImGui_ImplSDLRenderer_CreateFontsTexture();
      built_text_size = s.text_size;
    }
    theme = make_theme(s.high_contrast);
    apply_imgui_style(theme, fonts.scale);
    built_contrast = s.high_contrast;
  }

  ~Impl() {
    if (backends) {
      ImGui_ImplSDLRenderer_Shutdown();
      ImGui_ImplSDL2_Shutdown();
    }
    if (imgui) ImGui::DestroyContext(imgui);
    if (renderer) SDL_DestroyRenderer(renderer);
    if (window) SDL_DestroyWindow(window);
    if (window || renderer) SDL_Quit();
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
  d.base_glyphs = content_glyphs(model.library());
  for (std::string_view h : hint::kAll) add_text(d.base_glyphs, h);
  d.update_glyphs();

  SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    error = std::string("SDL_Init: ") + SDL_GetError();
    return false;
  }
  const Uint32 flags =
      SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI | (options.hidden ? SDL_WINDOW_HIDDEN : 0);
  d.window = SDL_CreateWindow("Upstander", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                              options.width, options.height, flags);
  if (!d.window) {
    error = std::string("SDL_CreateWindow: ") + SDL_GetError();
    return false;
  }
  SDL_SetWindowMinimumSize(d.window, 1024, 600);
  // The game reads keys, never composed text: with a Korean IME in Hangul mode, text input
  // would swallow the letter keys (S, L, P and the join code's letters).
  SDL_StopTextInput();
  // The software renderer runs everywhere, headless too, and on school PCs without a GPU driver.
  d.renderer = SDL_CreateRenderer(d.window, -1, SDL_RENDERER_SOFTWARE);
  if (!d.renderer) {
    error = std::string("SDL_CreateRenderer: ") + SDL_GetError();
    return false;
  }
  IMGUI_CHECKVERSION();
  d.imgui = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the game writes nothing but its save and settings
  io.LogFilename = nullptr;
  d.rebuild_fonts_if_needed();
  ImGui_ImplSDL2_InitForSDLRenderer(d.window);
  ImGui_ImplSDLRenderer_Init(d.renderer);
  d.backends = true;
  return true;
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
      out = {Key::S, 0, ch};
      return true;
    case SDLK_l:
      out = {Key::L, 0, ch};
      return true;
    case SDLK_p:
      out = {Key::P, 0, ch};
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
      if (ch == 0) return false;
      out = {Key::Char, 0, ch};
      return true;
  }
}

}  // namespace

bool GameWindow::pump(std::vector<KeyPress>& keys) {
  Impl& d = *impl_;
  SDL_Event e;
  bool open = true;
  while (SDL_PollEvent(&e)) {
    ImGui_ImplSDL2_ProcessEvent(&e);
    if (e.type == SDL_QUIT) open = false;
    if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE) open = false;
    if (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_FINGERDOWN) d.focus.visible = false;
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
  }
  return open;
}

void GameWindow::frame(const std::vector<KeyPress>& keys) {
  Impl& d = *impl_;
  d.rebuild_fonts_if_needed();
  d.model->tick(d.clock ? d.clock() : static_cast<double>(SDL_GetTicks64()) / 1000.0);
  bool enter = false;
  for (const auto& k : keys) enter = enter || k.key == Key::Enter || k.key == Key::Space;
  d.focus.activate = enter && d.focus.visible;

  ImGui_ImplSDLRenderer_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(d.renderer, &w, &h);
  Ui ui{*d.model,
        d.fonts,
        d.theme,
        d.audit,
        d.emoji,
        d.focus,
        ImVec2(static_cast<float>(w), static_cast<float>(h)),
        {}};
  d.focus.begin_frame();
  draw_app(ui);
  d.focus.end_frame();
  ImGui::Render();
  const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(d.theme.background);
  SDL_SetRenderDrawColor(d.renderer, static_cast<Uint8>(bg.x * 255.0f),
                         static_cast<Uint8>(bg.y * 255.0f), static_cast<Uint8>(bg.z * 255.0f), 255);
  SDL_RenderClear(d.renderer);
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
  SDL_RenderPresent(d.renderer);

  for (auto& action : ui.actions) action();
  const bool taken = d.focus.activated;
  for (const auto& k : keys) {
    if (taken && (k.key == Key::Enter || k.key == Key::Space)) continue;
    handle_key(*d.model, k);
  }
}

void GameWindow::custom_frame(const std::function<void(const FontSet&)>& draw) {
  Impl& d = *impl_;
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  draw(d.fonts);
  ImGui::Render();
  SDL_SetRenderDrawColor(d.renderer, 0, 0, 0, 255);
  SDL_RenderClear(d.renderer);
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
  SDL_RenderPresent(d.renderer);
}

bool GameWindow::write_png(const std::filesystem::path& file) {
  Impl& d = *impl_;
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(d.renderer, &w, &h);
  std::vector<unsigned char> rgba(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  if (SDL_RenderReadPixels(d.renderer, nullptr, SDL_PIXELFORMAT_RGBA32, rgba.data(), w * 4) != 0)
    return false;
  return write_png_file(file, rgba, w, h);
}

void GameWindow::resize(int width, int height) {
  SDL_SetWindowSize(impl_->window, width, height);
  // Let SDL and ImGui see the new size before the next frame is laid out.
  SDL_PumpEvents();
  std::vector<KeyPress> ignored;
  pump(ignored);
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
