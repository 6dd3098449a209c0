// Parsing `upstander [--tour DIR] [--lang ko|en] [--size WxH] ...`.
#include "options.hpp"

#include "settings.hpp"

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

std::optional<Options> parse_options(const std::vector<std::string>& args, std::string& error) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) {
        error = a + " needs a value";
        return false;
      }
      out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--help" || a == "-h") {
      o.help = true;
    } else if (a == "--version") {
      o.version = true;
    } else if (a == "--content") {
      if (!value(v)) return std::nullopt;
      o.content.push_back(v);
    } else if (a == "--assets") {
      if (!value(o.assets_dir)) return std::nullopt;
    } else if (a == "--data-dir") {
      if (!value(o.data_dir)) return std::nullopt;
    } else if (a == "--tour") {
      if (!value(o.tour_dir)) return std::nullopt;
    } else if (a == "--lang") {
      if (!value(o.language)) return std::nullopt;
    } else if (a == "--size") {
      if (!value(v)) return std::nullopt;
      if (!parse_size(v, o.width, o.height)) {
        error = "--size wants WIDTHxHEIGHT, e.g. 1280x720";
        return std::nullopt;
      }
    } else if (a == "--text-size") {
      if (!value(v)) return std::nullopt;
      if (v.size() != 1 || v[0] < '0' || v[0] >= static_cast<char>('0' + kTextSizeSteps)) {
        error = "--text-size wants 0 (small) to " + std::to_string(kTextSizeSteps - 1) + " (extra large)";
        return std::nullopt;
      }
      o.text_size = v[0] - '0';
    } else if (a == "--play") {
      if (!value(o.play_file)) return std::nullopt;
    } else if (a == "--drafts") {
      o.drafts = true;
    } else {
      error = "unknown argument: " + a;
      return std::nullopt;
    }
  }
  return o;
}

}  // namespace upstander::app
