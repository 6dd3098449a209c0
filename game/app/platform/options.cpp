// Parsing `upstander [--tour DIR] [--lang ko|en] [--size WxH] ...` with the shared parser.
#include "options.hpp"

#include "settings.hpp"
#include "upstander/command_line.hpp"

#include <cstdio>

namespace upstander::app {

namespace {

bool parse_size(const std::string& s, int& w, int& h) {
  int a = 0, b = 0;
  char x = 0;
  if (std::sscanf(s.c_str(), "%d%c%d", &a, &x, &b) != 3 || (x != 'x' && x != 'X')) return false;
  if (a < 320 || b < 240 || a > 8192 || b > 8192) return false;
  w = a;
  h = b;
  return true;
}

}  // namespace

std::string usage() {
  return "usage: upstander [--content PATH]... [--data-dir DIR] [--lang ko|en] [--size WxH] "
         "[--drafts]\n"
         "       upstander --play PACK.json [--lang ko|en] [--size WxH]\n"
         "       upstander --tour OUT_DIR [--lang ko|en] [--size WxH] [--text-size 0-3]\n"
         "                 [--content PATH]...\n"
         "       upstander --version | --help\n"
         "\n"
         "  --content PATH   content folder or file (repeatable; default: the shipped content,\n"
         "                   or $UPSTANDER_CONTENT)\n"
         "  --assets DIR     fonts folder's parent (default: the shipped assets, or $UPSTANDER_ASSETS)\n"
         "  --data-dir DIR   where progress is saved (default: the user's data folder)\n"
         "  --lang ko|en     language of the tour, and of a first start\n"
         "  --size WxH       window size (default 1280x720)\n"
         "  --drafts         also offer scenarios still marked as drafts\n"
         "  --play PACK      play one pack from its start and save nothing (authors)\n"
         "  --tour OUT_DIR   render every screen to PNGs without a display (tests)\n"
         "  --text-size N    with --tour: every screen at text size 0-3\n";
}

Result<Options, cli::UsageError> parse_options(const std::vector<std::string>& args) {
  const auto parsed =
      cli::parse(args,
                 {cli::option("--content"), cli::option("--assets"), cli::option("--data-dir"),
                  cli::option("--tour"), cli::option("--lang"), cli::option("--size"),
                  cli::option("--text-size"), cli::option("--play"), cli::flag("--drafts")},
                 /*allow_positionals=*/false);
  if (!parsed) return fail(parsed.error());
  const cli::Parsed& p = *parsed;
  Options o;
  o.help = p.help;
  o.version = p.version;
  o.content = p.values("--content");
  o.assets_dir = p.value("--assets");
  o.data_dir = p.value("--data-dir");
  o.tour_dir = p.value("--tour");
  o.language = p.value("--lang");
  o.play_file = p.value("--play");
  o.drafts = p.has("--drafts");
  if (p.has("--size") && !parse_size(p.value("--size"), o.width, o.height)) {
    return fail(cli::UsageError{"--size wants WIDTHxHEIGHT, e.g. 1280x720"});
  }
  if (p.has("--text-size")) {
    const std::string v = p.value("--text-size");
    if (v.size() != 1 || v[0] < '0' || v[0] >= static_cast<char>('0' + kTextSizeSteps)) {
      return fail(cli::UsageError{"--text-size wants 0 (small) to " +
                                  std::to_string(kTextSizeSteps - 1) + " (extra large)"});
    }
    o.text_size = v[0] - '0';
  }
  return o;
}

}  // namespace upstander::app
