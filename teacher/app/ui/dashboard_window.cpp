// Fonts, theme, keys and frames for the dashboard.
#include "dashboard_window.hpp"

#include <SDL.h>

#include <cmath>
#include <cstdlib>
#include <set>

#include "dashboard_screens.hpp"
#include "upstander/ui/font_set.hpp"
#include "upstander/ui/glyph_set.hpp"
#include "upstander/ui/imgui_window.hpp"
#include "upstander/ui/theme.hpp"

namespace upstander::dashboard {

struct DashboardWindow::Impl {
  Dashboard* model = nullptr;
  AuthorWorkspace* author = nullptr;
  ui::ImGuiWindow window;
  ui::GlyphSet glyphs;
  ui::EmojiMap emoji;
  std::unique_ptr<ui::FontBuilder> builder;
  ui::FontSet fonts;
  ui::AtlasReport atlas;
  ui::Theme theme;
  ui::TextAudit audit;
  ui::FocusRing focus;
  ui::ScreenControls controls;
  float built_scale = 0.0f;
  bool built_contrast = false;
  bool have_theme = false;
  std::vector<char32_t> missing;
  std::set<char32_t> tried;  // code points added after a draw asked for them

  // Projector friendly: text grows with the window (a 1080p projector gets 1.5x) and with
  // the large-text setting.
  float wanted_scale() const {
    const float h = window.size().y;
    const float base = h >= 1000.0f ? 1.5f : (h >= 860.0f ? 1.2f : 1.0f);
    return base * (model->local().large_text ? 1.25f : 1.0f);
  }

  void build(ImFontAtlas& a, float scale) {
    emoji = ui::EmojiMap(glyphs);
    fonts = builder->build(a, glyphs, emoji, scale, &atlas);
    missing = atlas.missing;
    built_scale = scale;
  }

  void refresh_look() {
    const float scale = wanted_scale();
    if (std::fabs(scale - built_scale) > 0.01f)
      window.rebuild_fonts([&](ImFontAtlas& a) { build(a, scale); });
    if (built_contrast != model->local().high_contrast || !have_theme) {
      theme = ui::make_theme(model->local().high_contrast);
      built_contrast = model->local().high_contrast;
      have_theme = true;
    }
    ui::apply_imgui_style(theme, fonts.scale);
  }

  // Texts from the server (a school pack's words) may bring code points the content
  // folder does not have: add them and rebuild once.
  void learn_glyphs() {
    bool added = false;
    for (const auto& p : audit.problems()) {
      if (p.kind != "missing-glyph" || p.detail.size() < 3) continue;
      const char32_t cp = static_cast<char32_t>(std::strtoul(p.detail.c_str() + 2, nullptr, 16));
      if (tried.insert(cp).second && !glyphs.count(cp)) {
        glyphs.insert(cp);
        added = true;
      }
    }
    if (added) window.rebuild_fonts([&](ImFontAtlas& a) { build(a, built_scale); });
  }
};

DashboardWindow::DashboardWindow() : impl_(std::make_unique<Impl>()) {}
DashboardWindow::~DashboardWindow() = default;

Result<void, std::string> DashboardWindow::open(Dashboard& model, const ContentLibrary& lib,
                                                const WindowSetup& setup) {
  Impl& d = *impl_;
  d.model = &model;
  d.builder = std::make_unique<ui::FontBuilder>(
      setup.fonts.regular.empty() ? ui::default_font_files(setup.assets_dir) : setup.fonts);
  if (!d.builder->error().empty()) return fail(d.builder->error());
  d.glyphs = ui::content_glyphs(lib);
  for (const auto& t : model.guide().texts()) ui::add_text(d.glyphs, t);
  ui::ImGuiWindowOptions wo;
  wo.title = "Upstander";
  wo.width = setup.width;
  wo.height = setup.height;
  wo.hidden = setup.hidden;
  wo.accelerated = setup.accelerated;
  wo.min_width = 1024;
  wo.min_height = 600;
  if (auto opened = d.window.open(wo, [&](ImFontAtlas& a) { d.build(a, 1.0f); }); !opened)
    return opened;
  d.refresh_look();
  return {};
}

bool DashboardWindow::pump() {
  Impl& d = *impl_;
  Dashboard& m = *d.model;
  return d.window.pump([&](const SDL_Event& e) {
    if (e.type == SDL_MOUSEBUTTONDOWN) d.focus.visible = false;
    if (e.type != SDL_KEYDOWN) return;
    const SDL_Keycode k = e.key.keysym.sym;
    if (k == SDLK_TAB) d.focus.move = (e.key.keysym.mod & KMOD_SHIFT) ? -1 : 1;
    if (k == SDLK_DOWN) d.focus.move = 1;
    if (k == SDLK_UP) d.focus.move = -1;
    if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE)
      d.focus.activate = d.focus.visible;
    if (k == SDLK_F11) d.window.set_fullscreen(!d.window.fullscreen());
    if (k == SDLK_ESCAPE) {
      if (m.confirm() != Confirm::None)
        m.cancel_confirm();
      else if (!m.notice().empty())
        m.dismiss_notice();
    }
    // Undo and redo in author mode; a text box being typed in keeps its own.
    const bool ctrl = (e.key.keysym.mod & KMOD_CTRL) != 0;
    if (d.author && d.author->is_open() && m.mode() == Mode::Author && ctrl &&
        !ImGui::GetIO().WantTextInput) {
      if (k == SDLK_z) d.author->undo();
      if (k == SDLK_y) d.author->redo();
      if (k == SDLK_s) d.author->save();
    }
    if (m.mode() == Mode::Session && m.screen() == Screen::Debrief &&
        m.confirm() == Confirm::None) {
      if (k == SDLK_RIGHT || k == SDLK_PAGEDOWN) m.next_point();
      if (k == SDLK_LEFT || k == SDLK_PAGEUP) m.previous_point();
      if (k == SDLK_r) m.reveal();
      if (k == SDLK_p) m.toggle_preview();
    }
  });
}

void DashboardWindow::frame() {
  frame(draw_dashboard);
}

void DashboardWindow::frame(const std::function<void(DashUi&)>& draw) {
  Impl& d = *impl_;
  d.model->update(static_cast<double>(SDL_GetTicks64()) / 1000.0);
  d.refresh_look();
  d.window.begin_frame();
  if (d.author) d.author->tick();
  DashUi ui(*d.model, d.fonts, d.theme, d.audit, d.emoji, d.focus, d.window.size());
  ui.author = d.author;
  d.controls.clear();
  ui.controls = &d.controls;
  d.focus.begin_frame();
  draw(ui);
  d.focus.end_frame();
  d.window.end_frame(d.theme.background);
  d.focus.activate = false;
  for (auto& action : ui.actions) action();
  d.learn_glyphs();
}

void DashboardWindow::set_author(AuthorWorkspace* workspace) {
  // A pack's own words get glyphs as they are drawn (learn_glyphs).
  impl_->author = workspace;
}

const ui::ScreenControls& DashboardWindow::controls() const {
  return impl_->controls;
}

bool DashboardWindow::write_png(const std::filesystem::path& file) {
  return impl_->window.write_png(file);
}

void DashboardWindow::resize(int width, int height) {
  impl_->window.resize(width, height);
}

ui::TextAudit& DashboardWindow::audit() {
  return impl_->audit;
}

const ui::DrawDataStats& DashboardWindow::last_draw() const {
  return impl_->window.last_draw();
}

bool DashboardWindow::last_frame_redrawn() const {
  return impl_->window.last_frame_redrawn();
}

void DashboardWindow::invalidate() {
  impl_->window.invalidate();
}

const std::vector<char32_t>& DashboardWindow::missing_glyphs() const {
  return impl_->missing;
}

}  // namespace upstander::dashboard
