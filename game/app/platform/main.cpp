// `upstander`: the student game, or with --tour the screenshot tour used by the tests.
#include <SDL.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app_model.hpp"
#include "data_folder_lock.hpp"
#include "native_class_link.hpp"
#include "upstander/ui/frame_loop.hpp"
#include "game_window.hpp"
#include "options.hpp"
#include "preview_start.hpp"
#include "tour.hpp"
#include "upstander/build_info.hpp"
#include "upstander/content_library.hpp"
#include "upstander/shipped_data.hpp"

using namespace upstander;
using namespace upstander::app;

namespace {

std::string system_locale() {
  for (const char* v : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    if (const char* s = std::getenv(v); s && *s) return s;
  }
  return "";
}

// Content problems are for authors: the game says how many files it left out and plays
// the rest.
void report_content(const ContentLibrary& lib) {
  std::size_t broken = 0;
  for (const auto& f : lib.files()) broken += f.ok() ? 0u : 1u;
  if (broken > 0) {
    std::cerr << "upstander: " << broken
              << " content file(s) have errors and are not offered; run upstander-content check "
                 "for details\n";
  }
}

int run_window(AppModel& model, const Options& o) {
  GameWindow window;
  WindowOptions wo;
  wo.width = o.width;
  wo.height = o.height;
  wo.assets_dir = o.assets_dir;
  if (const auto opened = window.open(model, wo); !opened) {
    std::cerr << "upstander: " << opened.error() << "\n";
    return 1;
  }
  std::vector<KeyPress> keys;
  ui::run_frame_loop({[&] {
                        keys.clear();
                        if (!window.pump(keys)) return false;
                        window.frame(keys);
                        return !model.quit_requested();
                      },
                      [&] { return window.animating(); }});
  return 0;
}

int play(const ContentLibrary& lib, const Options& o) {
  // Held while the game runs: a second copy on the same folder gets a profile of its own.
  const auto base = default_data_dir(o.data_dir);
  if (!base) {
    std::cerr << "upstander: " << folder_error_text(base.error(), FolderKind::Data)
              << " (--data-dir FOLDER)\n";
    return 1;
  }
  auto folder = claim_data_folder(*base);
  if (!folder) {
    std::cerr << "upstander: " << base->string()
              << " and its profiles are all in use by other copies of the game, or cannot be"
                 " created; close one, or start with --data-dir FOLDER\n";
    return 1;
  }
  ProgressStore store(folder->dir);
  DiscardingSink sink;  // solo mode: events go nowhere
  NativeClassLinkOptions co;
  co.data_dir = store.dir();
  NativeClassLink connection(co);
  AppModel model(lib, &store, sink, connection, system_locale());
  model.start();
  if (folder->profile > 1) model.show_notice("game.notice.second_copy");
  if (!o.language.empty() && model.screen() == Screen::Language) model.choose_language(o.language);
  if (o.drafts && !model.settings().show_drafts) {
    Settings s = model.settings();
    s.show_drafts = true;
    model.update_settings(s);
  }
  return run_window(model, o);
}

// An author's "play from here": no progress store, no class, nothing written.
int preview(const ContentLibrary& lib, const Options& o) {
  DiscardingSink sink;
  NotConnected connection;
  AppModel model(lib, nullptr, sink, connection, system_locale());
  if (!start_preview(model, o.language)) {
    std::cerr << "upstander: " << o.play_file << " has no scenario that can be played\n";
    return 1;
  }
  return run_window(model, o);
}

}  // namespace

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "");
  auto opts = parse_options(std::vector<std::string>(argv + 1, argv + argc));
  if (!opts) return cli::report_usage_error("upstander", opts.error().message);
  if (opts->help) {
    std::cout << usage();
    return 0;
  }
  if (opts->version) {
    std::cout << version_text("upstander");
    return 0;
  }
  if (opts->content.empty()) {
    const char* env = std::getenv("UPSTANDER_CONTENT");
    opts->content.push_back(env && *env ? env : find_shipped(ShippedData::Content).string());
  }
  if (opts->assets_dir.empty()) {
    const char* env = std::getenv("UPSTANDER_ASSETS");
    opts->assets_dir = env && *env ? env : find_shipped(ShippedData::Assets).string();
  }
  if (opts->content.front().empty() || opts->assets_dir.empty()) {
    std::cerr << "upstander: the game's " << (opts->assets_dir.empty() ? "fonts" : "content")
              << " are not installed next to it (../share/upstander) nor in "
              << shipped_candidates(ShippedData::Content)[1].parent_path().string()
              << "; reinstall, or start with --content DIR --assets DIR\n";
    return 1;
  }
  if (!opts->play_file.empty()) {
    // Only the pack (so it is the one scenario offered), the game's words and the help
    // directory (help stays one key away in a preview too).
    const std::filesystem::path shipped = opts->content.front();
    opts->content = {opts->play_file};
    for (const char* folder : {"locale", "help"}) {
      if (std::filesystem::is_directory(shipped / folder))
        opts->content.push_back((shipped / folder).string());
    }
  }
  const ContentLibrary lib = ContentLibrary::load(opts->content);
  report_content(lib);
  if (!opts->tour_dir.empty()) {
    // Headless unless a video driver was chosen: the tour never needs a display. "dummy"
    // rather than "offscreen": the latter loads Mesa (EGL), 75 MB we never use.
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    TourOptions t;
    t.out_dir = opts->tour_dir;
    t.language = opts->language.empty() ? "ko" : opts->language;
    t.width = opts->width;
    t.height = opts->height;
    t.text_size = opts->text_size;
    t.assets_dir = opts->assets_dir;
    return run_tour(lib, t);
  }
  return opts->play_file.empty() ? play(lib, *opts) : preview(lib, *opts);
}
