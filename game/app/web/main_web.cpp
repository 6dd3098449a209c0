// `upstander` in the browser: the same model, screens and window as the native game, started
// once the saved files are back from IndexedDB, driven one animation frame at a time.
#include <SDL.h>

#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "app_model.hpp"
#include "upstander/ui/browser_page.hpp"
#include "browser_speech.hpp"
#include "upstander/ui/browser_storage.hpp"
#include "browser_store.hpp"
#include "polled_class_link.hpp"
#include "fetch_transport.hpp"
#include "upstander/ui/frame_loop.hpp"
#include "game_window.hpp"
#include "page_state.hpp"
#include "preview_pack.hpp"
#include "preview_start.hpp"
#include "read_aloud.hpp"
#include "upstander/content_library.hpp"
#include "upstander/user_folders.hpp"

using namespace upstander;
using namespace upstander::app;

namespace {

// Where the bundle's packaged files and the saved files live in the browser's file system.
constexpr const char* kContentDir = "/content";
constexpr const char* kFontsDir = "/assets/fonts";
constexpr const char* kDataDir = kBrowserGameFolder;  // upstander/user_folders.hpp

// The class connection: the poll-driven core over the page's fetch() and localStorage,
// joining the server the page came from (the classroom server serves the game). Served from
// a plain web server instead, a join simply finds no class there and says so.
ContentLibrary load_content() {
  ContentLibrary lib = ContentLibrary::load({kContentDir});
  ui::browser::mark("contentLoaded");
  return lib;
}

std::unique_ptr<ClassLink> browser_class_link() {
  client::CoreOptions options;
  options.seed = (std::uint64_t{std::random_device{}()} << 32) | std::random_device{}();
  auto core = std::make_unique<client::ClassCore>(
      std::make_unique<client::web::FetchTransport>(),
      []() -> client::StoreResult<std::unique_ptr<client::ClassStore>> {
        return std::unique_ptr<client::ClassStore>(std::make_unique<client::web::BrowserStore>());
      },
      options);
  return std::make_unique<PolledClassLink>(std::move(core), client::web::page_server());
}

// Starts in steps, one per animation frame, so the browser reads the save from IndexedDB
// while the game loads its content and builds its fonts (a frame spent waiting is a frame
// the student waits for): content, then the window, then the save, then play.
class WebGame {
 public:
  WebGame()
      : store_(kDataDir, [] { ui::browser::persist_storage(); }),
        connection_(browser_class_link()) {}

  bool frame() {
    if (failed_) return false;
    if (!started_) return start_step();
    keys_.clear();
    window_.pump(keys_);
    window_.frame(keys_);
    read_aloud_.frame(*model_, speech_);
    publish();
    return true;
  }

  bool animating() const { return started_ && window_.animating(); }

 private:
  bool start_step() {
    if (preview_ && !lib_) {
      if (!preview_->poll()) return true;  // the teacher's pack is on its way
      if (preview_->content().empty()) {
        SDL_Log("upstander: this preview has expired; press Play from here again");
        preview_.reset();  // the ordinary game instead
      } else {
        lib_.emplace(ContentLibrary::load(preview_->content()));
      }
    }
    if (!lib_) {
      lib_.emplace(load_content());
      return true;
    }
    if (!model_) {
      // Settings are not read yet: the fonts are built for the default text size, and
      // rebuilt on the first frame if the save says otherwise. A preview keeps nothing.
      if (preview_)
        model_.emplace(*lib_, nullptr, sink_, not_connected_, ui::browser::browser_locale());
      else
        model_.emplace(*lib_, &store_, sink_, *connection_, ui::browser::browser_locale());
      failed_ = !open_window();
      return !failed_;
    }
    if (preview_) {
      failed_ = !start_preview(*model_, ui::browser::query_parameter("lang"));
      if (failed_) SDL_Log("upstander: the preview has no scenario that can be played");
      started_ = !failed_;
      return !failed_;
    }
    if (!ui::browser::storage_loaded()) return true;  // the save is still coming back
    ui::browser::mark("storageLoaded");
    model_->start();
    if (const std::string code = ui::browser::query_parameter("code"); !code.empty())
      model_->invite(code);
    started_ = true;
    return true;
  }

  bool open_window() {
    WindowOptions wo;
    ui::browser::page_size(wo.width, wo.height);
    wo.min_width = 320;
    wo.min_height = 480;
    wo.accelerated = true;  // WebGL: the page's thread only builds the frame
    const std::string fonts = kFontsDir;
    wo.fonts = {fonts + "/NanumGothic.ttf", fonts + "/NanumGothicBold.ttf",
                fonts + "/NotoColorEmoji.ttf"};
    if (const auto opened = window_.open(*model_, wo); !opened) {
      SDL_Log("upstander: %s", opened.error().c_str());
      return false;
    }
    ui::browser::mark("windowOpen");  // fonts and atlas built
    return true;
  }

  // window.upstander follows the screen; the first frame drawn is marked for tests and the
  // first-frame measurement.
  void publish() {
    nlohmann::json state = page_state(*model_, window_.controls());
    state["missingGlyphs"] = window_.atlas().missing.size();
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

  std::optional<ContentLibrary> lib_;
  ProgressStore store_;
  DiscardingSink sink_;  // solo play: events go nowhere
  std::unique_ptr<ClassLink> connection_;
  NotConnected not_connected_;
  // ?preview=TOKEN: the teacher's "play from here" (docs/web.md).
  std::unique_ptr<PreviewPack> preview_ =
      ui::browser::query_parameter("preview").empty()
          ? nullptr
          : std::make_unique<PreviewPack>(ui::browser::query_parameter("preview"));
  std::optional<AppModel> model_;
  GameWindow window_;
  browser::BrowserSpeech speech_;
  ReadAloud read_aloud_;
  bool started_ = false;
  bool first_frame_ = false;
  bool failed_ = false;
  std::vector<KeyPress> keys_;
  std::string published_;
};

}  // namespace

int main() {
  ui::browser::mark("main");
  ui::browser::mount_storage(kDataDir);
  // Lives as long as the page: the browser calls the frames after main() returned.
  auto* game = new WebGame();
  ui::run_frame_loop({[game] { return game->frame(); }, [game] { return game->animating(); }});
  return 0;
}
