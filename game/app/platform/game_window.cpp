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
  d.glyphs = content_glyphs(model.library());
  for (std::string_view h : hint::kAll) add_text(d.glyphs, h);
  d.emoji = EmojiMap(d.glyphs);

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
      if (translate(e.key, k, move)) keys.push_back(k);
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
