// `upstander-teacher` in the browser (/teacher/ on the classroom server): the same model,
// screens and window as the native dashboard, its calls over fetch() with the teacher's
// sign-in cookie, started in steps and then driven one animation frame at a time.
#include <SDL.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include "author_workspace.hpp"
#include "browser_exports.hpp"
#include "upstander/ui/browser_page.hpp"
#include "upstander/ui/browser_storage.hpp"
#include "dashboard_model.hpp"
#include "dashboard_window.hpp"
#include "fetch_transport.hpp"
#include "preview_tab.hpp"
#include "upstander/ui/frame_loop.hpp"
#include "screen_sign_in.hpp"
#include "server_draft_store.hpp"
#include "teacher_page_state.hpp"
#include "teacher_sign_in.hpp"
#include "transport_channel.hpp"
#include "upstander/content_library.hpp"
#include "upstander/user_folders.hpp"

using namespace upstander;
using namespace upstander::dashboard;

namespace {

// The bundle's packaged files and the dashboard's own settings (IndexedDB; the student
// game on the same server keeps its save in /data).
constexpr const char* kContentDir = "/content";
constexpr const char* kFontsDir = "/assets/fonts";
constexpr const char* kDataDir = kBrowserTeacherFolder;  // upstander/user_folders.hpp
// Author mode's working copies in the page's memory; the drafts themselves are the server's.
constexpr const char* kAuthorDir = "/author";

ServerUrl page_server_url() {
  const client::ServerAddress a = client::web::page_server();
  return {a.host, a.port};
}

bool same_look(const DashboardSettings& a, const DashboardSettings& b) {
  return a.language == b.language && a.high_contrast == b.high_contrast &&
         a.large_text == b.large_text;
}

class WebDashboard {
 public:
  WebDashboard() {
    auto channel = std::make_unique<TransportChannel>(
        std::make_unique<client::web::FetchTransport>(
            10000, client::web::FetchTransport::Cookies::SameOrigin),
        page_server_url());
    channel_ = channel.get();
    channel_owner_ = std::move(channel);
    sign_in_.emplace(*channel_);
  }

  bool frame() {
    if (failed_) return false;
    if (!started_) return start_step();
    window_.pump();
    if (force_redraw_) window_.invalidate();
    if (sign_in_->state() == SignIn::SignedIn) {
      window_.frame();
    } else {
      window_.frame([this](DashUi& ui) { web::draw_sign_in(ui, *sign_in_); });
    }
    sign_in_->update();
    if (sign_in_->sign_ins() != sign_ins_seen_) {
      // Signed in (again): everything the dashboard shows comes fresh.
      sign_ins_seen_ = sign_in_->sign_ins();
      model_->refresh_all();
      if (!drafts_->ready()) drafts_->fetch();
    }
    if (!same_look(model_->local(), saved_look_)) {
      saved_look_ = model_->local();
      ui::browser::persist_storage();
    }
    publish();
    return true;
  }

 private:
  bool start_step() {
    if (!lib_) {
      lib_.emplace(ContentLibrary::load({kContentDir}));
      ui::browser::mark("contentLoaded");
      return true;
    }
    if (!ui::browser::storage_loaded()) return true;  // the dashboard's settings
    if (!model_) {
      const std::string settings_path = std::string(kDataDir) + "/dashboard.json";
      DashboardConfig config;
      config.content_dir = kContentDir;
      config.settings_path = settings_path;
      config.save_export = web::save_in_browser;
      saved_look_ = load_dashboard_settings(settings_path, ui::browser::browser_locale());
      model_.emplace(std::move(channel_owner_), *lib_, saved_look_, config);
      failed_ = !open_window();
      if (failed_) return false;
      start_author();
      sign_in_->check();
      started_ = true;
    }
    return true;
  }

  bool open_window() {
    WindowSetup ws;
    ui::browser::page_size(ws.width, ws.height);
    ws.accelerated = true;  // WebGL: the page's thread only builds the frame
    const std::string fonts = kFontsDir;
    ws.fonts = {fonts + "/NanumGothic.ttf", fonts + "/NanumGothicBold.ttf",
                fonts + "/NotoColorEmoji.ttf"};
    if (const auto opened = window_.open(*model_, *lib_, ws); !opened) {
      SDL_Log("upstander-teacher: %s", opened.error().c_str());
      return false;
    }
    ui::browser::mark("windowOpen");
    return true;
  }

  // Author mode on the server's drafts. ?autosave_ms=N sets the autosave interval
  // (bench/web_author.mjs saves on every edit with 0).
  void start_author() {
    const std::string base = kAuthorDir;
    author::AutosaveSettings autosave;
    autosave.data_dir = base + "/data";
    if (const std::string ms = ui::browser::query_parameter("autosave_ms"); !ms.empty())
      autosave.interval = std::chrono::milliseconds(std::strtol(ms.c_str(), nullptr, 10));
    drafts_.emplace(*channel_, base + "/packs", autosave,
                    [](const std::string& url) { web::open_preview_tab(url); });
    AuthorConfig config;
    config.packs_dir = base + "/packs";
    config.preview_dir = base + "/preview";
    config.autosave = autosave;
    config.content_dir = kContentDir;
    config.store = &*drafts_;
    config.packs_on_server = true;
    author_.emplace(*lib_, config);
    window_.set_author(&*author_);
  }

  void publish() {
    nlohmann::json state = web::teacher_page_state(*model_, *sign_in_, window_.controls());
    state["author"] = web::author_page_state(*author_, *drafts_);
    state["missingGlyphs"] = window_.missing_glyphs().size();
    std::string json = state.dump();
    if (json != published_) {
      ui::browser::publish(json);
      published_ = std::move(json);
    }
    if (!first_frame_) {
      ui::browser::mark_first_frame();
      first_frame_ = true;
    }
  }

  std::unique_ptr<TransportChannel> channel_owner_;  // until the model takes it
  TransportChannel* channel_ = nullptr;
  std::optional<TeacherSignIn> sign_in_;
  std::optional<ContentLibrary> lib_;
  std::optional<Dashboard> model_;
  std::optional<ServerDraftStore> drafts_;
  std::optional<AuthorWorkspace> author_;
  DashboardWindow window_;
  DashboardSettings saved_look_;
  std::uint64_t sign_ins_seen_ = 0;
  // ?redraw=1: every frame drawn in full, as when new numbers arrive (bench/web_dashboard.mjs).
  bool force_redraw_ = ui::browser::query_parameter("redraw") == "1";
  bool started_ = false;
  bool first_frame_ = false;
  bool failed_ = false;
  std::string published_;
};

}  // namespace

int main() {
  ui::browser::mark("main");
  ui::browser::mount_storage(kDataDir);
  // Lives as long as the page: the browser calls the frames after main() returned.
  auto* dashboard = new WebDashboard();
  ui::run_frame_loop({[dashboard] { return dashboard->frame(); }, [] { return true; }});
  return 0;
}
